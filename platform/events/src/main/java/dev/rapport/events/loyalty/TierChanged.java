package dev.rapport.events.loyalty;

import java.time.Instant;
import java.util.UUID;

/**
 * A member moved to another tier. {@code direction} is {@code up} or {@code down};
 * {@code qualifyingPoints} are the points earned in the rolling window that decided it.
 */
public record TierChanged(
        UUID customerId,
        String previousTier,
        String tier,
        String direction,
        long qualifyingPoints,
        Instant occurredAt) {

    public static final String TYPE = "rapport.loyalty.tier-changed.v1";
}
