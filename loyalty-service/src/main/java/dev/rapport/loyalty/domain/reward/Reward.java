package dev.rapport.loyalty.domain.reward;

import java.time.Instant;
import java.util.UUID;

import dev.rapport.kernel.Texts;
import dev.rapport.kernel.Violations;

/**
 * A catalogue reward: costs {@code pointsCost}, limited to {@code stock} items (null: unlimited), redeemable
 * inside its validity window and from {@code minimumTier} up (null: every tier).
 */
public record Reward(UUID id, String name, String description, long pointsCost, Long stock, Instant validFrom,
                     Instant validUntil, String minimumTier, Instant createdAt, Instant updatedAt) {

    public static final int NAME_MAX = 120;
    public static final int DESCRIPTION_MAX = 1000;
    public static final long COST_MAX = 10_000_000L;
    public static final long STOCK_MAX = 100_000_000L;

    /** Validates every field of a new or replaced reward at once. */
    public static Reward of(UUID id, String rawName, String rawDescription, Long pointsCost, Long stock,
                            Instant validFrom, Instant validUntil, String rawMinimumTier, Instant createdAt, Instant now) {
        Violations violations = new Violations();
        String name = violations.check("name", () -> Texts.required(rawName, NAME_MAX));
        String description = violations.check("description", () -> Texts.optional(rawDescription, DESCRIPTION_MAX));
        String minimumTier = violations.check("minimumTier", () -> Texts.optional(rawMinimumTier, 40));
        if (pointsCost == null) {
            violations.add("pointsCost", "is required");
        } else if (pointsCost < 1 || pointsCost > COST_MAX) {
            violations.add("pointsCost", "must be from 1 to " + COST_MAX);
        }
        if (stock != null && (stock < 0 || stock > STOCK_MAX)) {
            violations.add("stock", "must be from 0 to " + STOCK_MAX);
        }
        if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
            violations.add("validUntil", "must be after validFrom");
        }
        violations.throwIfAny();
        return new Reward(id, name, description, pointsCost, stock, validFrom, validUntil, minimumTier, createdAt, now);
    }

    public boolean isValidAt(Instant now) {
        return (validFrom == null || !validFrom.isAfter(now)) && (validUntil == null || validUntil.isAfter(now));
    }
}
