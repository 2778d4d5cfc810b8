package dev.rapport.loyalty.application.port.out.referral;

import java.util.Optional;
import java.util.UUID;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.loyalty.domain.referral.Referral;

public interface ReferralRepository {

    void insert(Referral referral);

    void update(Referral referral);

    /** The referee's pending or completed referral. */
    Optional<Referral> activeForReferee(UUID refereeId);

    /** Pending and completed referrals of the advocate. */
    long countActiveForAdvocate(UUID advocateId);

    /** Referrals where the customer is advocate or referee, oldest first. */
    Page<Referral> page(UUID customerId, PageRequest request);
}
