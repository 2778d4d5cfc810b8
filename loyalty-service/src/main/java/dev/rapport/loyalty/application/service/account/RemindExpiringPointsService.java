package dev.rapport.loyalty.application.service.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.loyalty.application.port.in.account.RemindExpiringPointsUseCase;
import dev.rapport.loyalty.domain.account.LoyaltyAccount;
import dev.rapport.loyalty.domain.account.PointLot;

/** Reminds a member {@code expiringReminderDays} before points expire, once per expiry instant. */
@ApplicationScoped
public class RemindExpiringPointsService implements RemindExpiringPointsUseCase {

    private final AccountLedger ledger;

    public RemindExpiringPointsService(AccountLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public List<UUID> accountsToRemind(int limit) {
        Instant now = ledger.now();
        return ledger.accounts().withExpiryBefore(now, horizon(now), limit);
    }

    private Instant horizon(Instant now) {
        return now.plus(Duration.ofDays(ledger.programs().rulesAt(now).expiringReminderDays()));
    }

    @Override
    @Transactional
    public boolean remind(UUID customerId) {
        LoyaltyAccount account = ledger.lockExisting(customerId);
        if (!account.isActive()) {
            return false;
        }
        Instant now = ledger.now();
        Instant horizon = horizon(now);
        List<PointLot> expiring = ledger.entries().openLots(customerId).stream()
                .filter(l -> l.expiresAt().isAfter(now) && !l.expiresAt().isAfter(horizon))
                .filter(l -> account.expiringNoticeFor() == null || l.expiresAt().isAfter(account.expiringNoticeFor()))
                .toList();
        if (expiring.isEmpty()) {
            return false;
        }
        Instant last = expiring.stream().map(PointLot::expiresAt).max(Comparator.naturalOrder()).orElseThrow();
        Instant first = expiring.stream().map(PointLot::expiresAt).min(Comparator.naturalOrder()).orElseThrow();
        long points = expiring.stream().mapToLong(PointLot::remaining).sum();
        ledger.accounts().update(account.withExpiringNotice(last, now));
        ledger.events().pointsExpiring(customerId, points, first, now);
        return true;
    }
}
