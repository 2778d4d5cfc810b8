package dev.rapport.events.loyalty;

import java.time.Instant;
import java.util.UUID;

/**
 * Points of a purchase were taken back because goods were returned ({@code points} positive, in
 * proportion to the amount returned). {@code balance} may be negative when the points were already spent.
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
