package dev.rapport.loyalty.application.service.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.loyalty.application.port.in.account.EraseMemberCommand;
import dev.rapport.loyalty.application.port.in.account.EraseMemberUseCase;
import dev.rapport.loyalty.domain.account.AccountStatus;

/**
 * Erasure: the account's email, phone and birthday are removed and its referral code retired; the
 * ledger holds numbers and ids only and stays for the books. The account takes no more points.
 */
@ApplicationScoped
public class EraseMemberService implements EraseMemberUseCase {

    private final AccountLedger ledger;

    public EraseMemberService(AccountLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    @Transactional
    public void erase(EraseMemberCommand command) {
        var now = ledger.now();
        ledger.accounts().lock(command.customerId()).ifPresent(account -> {
            if (account.status() != AccountStatus.ERASED) {
                ledger.accounts().update(account.erased(now));
            }
        });
        ledger.events().erasureConfirmed(command.customerId(), command.erasureId(), now);
    }
}
