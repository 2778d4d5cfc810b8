package dev.rapport.events.loyalty;

import java.time.Instant;
import java.util.UUID;

/**
 * Points of a purchase were taken back because goods were returned ({@code points} positive: the share of
 * the amount returned, less what had already expired of the order's points). {@code balance} may be
 * negative when the points were already spent.
 */
public record PointsReversed(
        UUID customerId,
        UUID entryId,
        long points,
        String orderId,
        UUID returnId,
        long balance,
        Instant occurredAt) {

    public static final String TYPE = "rapport.loyalty.points-reversed.v1";
}
