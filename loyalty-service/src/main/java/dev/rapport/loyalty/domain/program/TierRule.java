package dev.rapport.loyalty.domain.program;

import java.math.BigDecimal;
import java.util.List;

import dev.rapport.kernel.InvalidValueException;

/**
 * One tier of the program: reached with {@code threshold} points earned in the rolling window, it
 * multiplies earned points by {@code multiplier} and gives {@code discountPercent} off and named perks.
 */
public record TierRule(String name, long threshold, BigDecimal multiplier, BigDecimal discountPercent, List<String> perks) {

    public static final int NAME_MAX = 40;
    public static final int PERK_MAX = 100;
    public static final int PERKS_MAX = 20;

    public TierRule {
        if (name == null || name.isBlank() || name.length() > NAME_MAX) {
            throw new InvalidValueException("tier name must be 1 to " + NAME_MAX + " characters");
        }
        name = name.strip();
        if (threshold < 0 || threshold > 100_000_000L) {
            throw new InvalidValueException("tier threshold must be from 0 to 100000000");
        }
        if (multiplier == null || multiplier.compareTo(BigDecimal.ONE.movePointLeft(1)) < 0
                || multiplier.compareTo(BigDecimal.TEN) > 0) {
            throw new InvalidValueException("tier multiplier must be from 0.1 to 10");
        }
        if (discountPercent == null || discountPercent.signum() < 0 || discountPercent.compareTo(new BigDecimal(100)) > 0) {
            throw new InvalidValueException("tier discountPercent must be from 0 to 100");
        }
        perks = perks == null ? List.of() : List.copyOf(perks);
        if (perks.size() > PERKS_MAX || perks.stream().anyMatch(p -> p == null || p.isBlank() || p.length() > PERK_MAX)) {
            throw new InvalidValueException("tier perks: at most " + PERKS_MAX + ", each 1 to " + PERK_MAX + " characters");
        }
    }
}
