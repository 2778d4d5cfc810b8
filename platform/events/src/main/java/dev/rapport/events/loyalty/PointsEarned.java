package dev.rapport.events.loyalty;

import java.time.Instant;
import java.util.UUID;

/**
 * Points were credited to a loyalty account. {@code entryType} is the ledger entry's type: {@code earn}
 * (a purchase; {@code orderId} set), {@code referral-bonus} or {@code birthday-bonus}. The points count
 * as pending until {@code availableAt} and expire at {@code expiresAt}; {@code balance} is the account's
 * ledger balance after the entry.
 */
public record PointsEarned(
        UUID customerId,
        UUID entryId,
        String entryType,
        long points,
        String orderId,
        Instant availableAt,
        Instant expiresAt,
        long balance,
        Instant occurredAt) {

    public static final String TYPE = "rapport.loyalty.points-earned.v1";
}
