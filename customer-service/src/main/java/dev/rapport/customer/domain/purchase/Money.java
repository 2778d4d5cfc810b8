package dev.rapport.customer.domain.purchase;

import java.math.BigDecimal;
import java.util.Objects;

import dev.rapport.kernel.InvalidValueException;

/**
 * A non-negative amount in one currency, always at the currency's scale ("12.50" GBP, "1200" JPY).
 * More decimals than the currency has are refused rather than rounded, so every sum is exact.
 */
public record Money(BigDecimal amount, CurrencyCode currency) implements Comparable<Money> {

    /** Far above any real purchase, far below what numeric(24,4) holds. */
    public static final BigDecimal MAX = new BigDecimal("1000000000000000");

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (amount == null) {
            throw new InvalidValueException("must not be null");
        }
        if (amount.signum() < 0) {
            throw new InvalidValueException("must not be negative");
        }
        if (amount.compareTo(MAX) > 0) {
            throw new InvalidValueException("must not exceed " + MAX.toPlainString());
        }
        int scale = currency.minorUnits();
        // Only an amount with more decimals than the currency's can be too precise; stripping zeros
        // (an allocation) is left for those.
        if (amount.scale() > scale && amount.stripTrailingZeros().scale() > scale) {
            throw new InvalidValueException("must have at most " + scale + " decimal places for " + currency);
        }
        amount = amount.setScale(scale);
    }

    public static Money zero(CurrencyCode currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(int quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /** The amount as clients see it: "12.50". */
    public String toPlainString() {
        return amount.toPlainString();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return toPlainString() + " " + currency;
    }
}
