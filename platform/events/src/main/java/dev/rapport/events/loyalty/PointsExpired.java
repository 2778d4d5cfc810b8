package dev.rapport.events.loyalty;

import java.time.Instant;
import java.util.UUID;

/** Unspent points reached their expiry date and left the balance ({@code points} positive). */
public record PointsExpired(
        UUID customerId,
        UUID entryId,
        long points,
        long balance,
        Instant occurredAt) {

    public static final String TYPE = "rapport.loyalty.points-expired.v1";
}
