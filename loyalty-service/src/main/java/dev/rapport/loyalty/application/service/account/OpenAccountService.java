package dev.rapport.loyalty.application.service.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.loyalty.application.port.in.account.OpenAccountCommand;
import dev.rapport.loyalty.application.port.in.account.OpenAccountUseCase;
import dev.rapport.loyalty.domain.account.AccountStatus;
import dev.rapport.loyalty.domain.account.Contacts;
import dev.rapport.loyalty.domain.account.LoyaltyAccount;

@ApplicationScoped
public class OpenAccountService implements OpenAccountUseCase {

    private final AccountLedger ledger;
    private final ReferralLinks referrals;

    public OpenAccountService(AccountLedger ledger, ReferralLinks referrals) {
        this.ledger = ledger;
        this.referrals = referrals;
    }

    @Override
    @Transactional
    public void open(OpenAccountCommand command) {
        LoyaltyAccount account = ledger.lockOrOpen(command.customerId());
        if (account.status() != AccountStatus.ACTIVE) {
            return;
        }
        account = account.withContact(Contacts.email(command.email()), Contacts.phone(command.phone()),
                command.birthday(), ledger.now());
        ledger.accounts().update(account);
        if (command.referralCode() != null && !command.referralCode().isBlank()) {
            referrals.link(account, command.referralCode());
        }
    }
}
