package dev.rapport.loyalty.application.port.out.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.rapport.loyalty.domain.account.LedgerEntry;
import dev.rapport.loyalty.domain.account.PointLot;

/** Events on rapport.loyalty.events, written in the caller's transaction (outbox). Key = customer id. */
public interface LoyaltyEventPublisher {

    void pointsEarned(LedgerEntry entry, PointLot lot, String orderId);

    /** A points-earned, points-expired or points-reversed event of a batch ({@link #pointsMovedAll}). */
    sealed interface Moved permits Earned, Expired, Reversed {
    }

    record Earned(LedgerEntry entry, PointLot lot, String orderId) implements Moved {
    }

    record Expired(LedgerEntry entry) implements Moved {
    }

    record Reversed(LedgerEntry entry, String orderId, UUID returnId) implements Moved {
    }

    /** Several points events, in list order (one outbox write). */
    default void pointsMovedAll(List<Moved> moved) {
        for (Moved m : moved) {
            switch (m) {
                case Earned e -> pointsEarned(e.entry(), e.lot(), e.orderId());
                case Expired e -> pointsExpired(e.entry());
                case Reversed r -> pointsReversed(r.entry(), r.orderId(), r.returnId());
            }
        }
    }

    /** An agent's adjustment (either sign); {@code expiresAt} of the credited points, null for a debit. */
    void pointsAdjusted(LedgerEntry entry, Instant expiresAt);

    void pointsRedeemed(LedgerEntry entry, UUID rewardId);

    void pointsReversed(LedgerEntry entry, String orderId, UUID returnId);

    void pointsExpired(LedgerEntry entry);

    void pointsExpiring(UUID customerId, long points, Instant expiresAt, Instant now);

    void tierChanged(UUID customerId, String previousTier, String tier, boolean up, long qualifyingPoints, Instant now);

    void tierDowngradeWarning(UUID customerId, String tier, String downgradeTo, long pointsToRetain,
                              java.time.LocalDate evaluatedOn, Instant now);

    void referralCompleted(UUID referralId, UUID advocateId, UUID refereeId, long advocateBonus, long refereeBonus,
                           Instant now);

    void referralRejected(UUID referralId, UUID refereeId, String reason, Instant now);

    void rewardRedeemed(UUID customerId, UUID rewardId, UUID entryId, long points, Long remainingStock, Instant now);

    void erasureConfirmed(UUID customerId, UUID erasureId, Instant now);
}
