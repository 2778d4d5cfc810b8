package dev.rapport.loyalty.application.service.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.loyalty.application.port.in.account.UpdateMemberCommand;
import dev.rapport.loyalty.application.port.in.account.UpdateMemberUseCase;
import dev.rapport.loyalty.domain.account.Contacts;
import dev.rapport.loyalty.domain.account.LoyaltyAccount;

@ApplicationScoped
public class UpdateMemberService implements UpdateMemberUseCase {

    private final AccountLedger ledger;

    public UpdateMemberService(AccountLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    @Transactional
    public void update(UpdateMemberCommand command) {
        LoyaltyAccount account = ledger.lockOrOpen(command.customerId());
        if (!account.isActive()) {
            return;
        }
        ledger.accounts().update(account.withContact(Contacts.email(command.email()), Contacts.phone(command.phone()),
                command.birthday(), ledger.now()));
    }
}
