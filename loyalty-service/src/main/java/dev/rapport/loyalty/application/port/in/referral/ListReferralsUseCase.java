package dev.rapport.loyalty.application.port.in.referral;

import dev.rapport.kernel.paging.Page;
import dev.rapport.loyalty.domain.referral.Referral;

public interface ListReferralsUseCase {

    Page<Referral> list(ListReferralsQuery query);
}
