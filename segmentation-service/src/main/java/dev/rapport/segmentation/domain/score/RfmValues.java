package dev.rapport.segmentation.domain.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A customer's counting purchases as of a date: the first and latest purchase dates, recency in whole
 * calendar days, frequency (distinct purchases) and monetary (sum of totals, rounded half-up to 2 decimals).
 */
public record RfmValues(LocalDate firstPurchase, LocalDate lastPurchase, int recencyDays, int frequency,
        BigDecimal monetary) {

    public RfmValues {
        Objects.requireNonNull(firstPurchase, "firstPurchase");
        Objects.requireNonNull(lastPurchase, "lastPurchase");
        Objects.requireNonNull(monetary, "monetary");
        if (recencyDays < 0) {
            throw new IllegalArgumentException("recencyDays must not be negative");
        }
        if (frequency < 1) {
            throw new IllegalArgumentException("frequency must be at least 1");
        }
        if (monetary.signum() <= 0) {
            throw new IllegalArgumentException("monetary must be positive");
        }
        monetary = monetary.setScale(2, RoundingMode.HALF_UP);
    }
}
