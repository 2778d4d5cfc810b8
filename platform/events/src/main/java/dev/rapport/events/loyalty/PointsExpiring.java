package dev.rapport.events.loyalty;

import java.time.Instant;
import java.util.UUID;

/** A reminder: {@code points} will expire at {@code expiresAt} unless spent. Sent once per expiry date. */
public record PointsExpiring(
        UUID customerId,
        long points,
        Instant expiresAt,
        Instant occurredAt) {

    public static final String TYPE = "rapport.loyalty.points-expiring.v1";
}
