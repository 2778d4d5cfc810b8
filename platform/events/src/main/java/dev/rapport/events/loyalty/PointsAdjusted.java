package dev.rapport.events.loyalty;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent corrected a member's points: {@code points} is signed (a credit is positive, a debit
 * negative); {@code agent} is the caller the gateway's identity token named, {@code reason} what they gave.
 */
public record PointsAdjusted(
        UUID customerId,
        UUID entryId,
        long points,
        String reason,
        String agent,
        Instant expiresAt,
        long balance,
        Instant occurredAt) {

    public static final String TYPE = "rapport.loyalty.points-adjusted.v1";
}
