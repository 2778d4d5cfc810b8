package dev.rapport.events.loyalty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Ahead of the membership anniversary: unless {@code pointsToRetain} more points are earned by
 * {@code evaluatedOn}, the member moves from {@code tier} down to {@code downgradeTo}.
 */
public record TierDowngradeWarning(
        UUID customerId,
        String tier,
        String downgradeTo,
        long pointsToRetain,
        LocalDate evaluatedOn,
        Instant occurredAt) {

    public static final String TYPE = "rapport.loyalty.tier-downgrade-warning.v1";
}
