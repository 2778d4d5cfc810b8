package dev.rapport.loyalty.application.service.referral;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.kernel.paging.Page;
import dev.rapport.loyalty.application.port.in.referral.ListReferralsQuery;
import dev.rapport.loyalty.application.port.in.referral.ListReferralsUseCase;
import dev.rapport.loyalty.application.port.out.account.AccountRepository;
import dev.rapport.loyalty.application.port.out.referral.ReferralRepository;
import dev.rapport.loyalty.domain.account.AccountNotFoundException;
import dev.rapport.loyalty.domain.referral.Referral;

@ApplicationScoped
public class ListReferralsService implements ListReferralsUseCase {

    private final AccountRepository accounts;
    private final ReferralRepository referrals;

    public ListReferralsService(AccountRepository accounts, ReferralRepository referrals) {
        this.accounts = accounts;
        this.referrals = referrals;
    }

    @Override
    public Page<Referral> list(ListReferralsQuery query) {
        accounts.find(query.customerId()).orElseThrow(() -> new AccountNotFoundException(query.customerId()));
        return referrals.page(query.customerId(), query.page());
    }
}
