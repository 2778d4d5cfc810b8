package dev.rapport.feedback.domain.complaint;

import dev.rapport.kernel.InvalidValueException;

import java.util.Locale;
import java.util.Set;

/**
 * The customer class an SLA target is chosen by: A-class key accounts (segmentation-service's ABC class)
 * come first, then members of a top loyalty tier, then everybody else.
 */
public enum ServiceClass {
    STANDARD, TOP_TIER, KEY_ACCOUNT;

    /** The class of a customer with this ABC class and loyalty tier (either may be unknown: null). */
    public static ServiceClass of(String abcClass, String loyaltyTier, Set<String> topTiers) {
        if ("A".equalsIgnoreCase(abcClass)) {
            return KEY_ACCOUNT;
        }
        if (loyaltyTier != null && topTiers.stream().anyMatch(loyaltyTier::equalsIgnoreCase)) {
            return TOP_TIER;
        }
        return STANDARD;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ServiceClass parse(String raw) {
        for (ServiceClass c : values()) {
            if (c.wireName().equals(raw)) {
                return c;
            }
        }
        throw new InvalidValueException("must be one of [standard, top-tier, key-account]");
    }
}
