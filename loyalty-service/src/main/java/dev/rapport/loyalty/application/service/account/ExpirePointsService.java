package dev.rapport.loyalty.application.service.account;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.loyalty.application.port.in.account.ExpirePointsUseCase;
import dev.rapport.loyalty.domain.account.LoyaltyAccount;

@ApplicationScoped
public class ExpirePointsService implements ExpirePointsUseCase {

    private final AccountLedger ledger;

    public ExpirePointsService(AccountLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public List<UUID> accountsWithDueExpiry(int limit) {
        return ledger.accounts().withExpiryDue(ledger.now(), limit);
    }

    @Override
    @Transactional
    public long expire(UUID customerId) {
        LoyaltyAccount account = ledger.lockExisting(customerId);
        LoyaltyAccount after = ledger.expireDue(account);
        return account.balance() - after.balance();
    }
}
