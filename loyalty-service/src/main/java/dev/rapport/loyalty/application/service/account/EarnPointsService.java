package dev.rapport.loyalty.application.service.account;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.kernel.InvalidInputException;
import dev.rapport.loyalty.application.port.in.account.EarnPointsCommand;
import dev.rapport.loyalty.application.port.in.account.EarnPointsUseCase;
import dev.rapport.loyalty.domain.account.AccountStatus;
import dev.rapport.loyalty.domain.account.EntryType;
import dev.rapport.loyalty.domain.account.LoyaltyAccount;
import dev.rapport.loyalty.domain.program.ProgramRules;

/**
 * Points for a purchase, by the rules in force on the purchase's date: a purchase older than the expiry
 * period earns and expires at once, and counts in the tier only inside the rolling window.
 */
@ApplicationScoped
public class EarnPointsService implements EarnPointsUseCase {

    private final AccountLedger ledger;
    private final ReferralLinks referrals;

    public EarnPointsService(AccountLedger ledger, ReferralLinks referrals) {
        this.ledger = ledger;
        this.referrals = referrals;
    }

    @Override
    @Transactional
    public void earn(EarnPointsCommand command) {
        if (command.orderId() == null || command.orderId().isBlank() || command.occurredAt() == null) {
            throw InvalidInputException.of("orderId", "a purchase needs an order id and a date");
        }
        LoyaltyAccount account = ledger.follow(ledger.lockOrOpen(command.customerId()));
        if (account.status() != AccountStatus.ACTIVE) {
            return; // erased: no more points
        }
        if (ledger.entries().lotForOrder(account.customerId(), command.orderId()).isPresent()
                || ledger.entries().hasEntry(account.customerId(), EntryType.EARN, command.orderId())) {
            return; // already earned: a replay or a redelivery
        }
        Instant occurredAt = command.occurredAt();
        ProgramRules rules = ledger.programs().rulesAt(occurredAt);
        long points = rules.pointsFor(command.total(), command.currency(), account.tier());
        AccountLedger.Credited credited = ledger.credit(account, EntryType.EARN, points,
                "purchase " + command.orderId(), "order", command.orderId(), null, occurredAt,
                rules.availableAt(occurredAt), rules.expiresAt(occurredAt), command.orderId(), command.total());
        ledger.events().pointsEarned(credited.entry(), credited.lot(), command.orderId());
        account = credited.account();
        if (account.firstPurchaseAt() == null) {
            account = account.withFirstPurchase(occurredAt, ledger.now());
            ledger.accounts().update(account);
            account = referrals.completeOnFirstPurchase(account);
        }
        account = ledger.expireDue(account);
        ledger.evaluateTier(account, false);
    }
}
