package dev.rapport.segmentation.domain.score;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Where one customer stands among the n customers with counting purchases (the customer included in n):
 * how many have a strictly worse recency (more days), strictly fewer purchases, a strictly smaller
 * monetary; the monetary of those with a strictly greater one, and the total monetary T.
 */
public record PopulationPosition(long n, long worseRecency, long fewerPurchases, long smallerMonetary,
        BigDecimal monetaryAbove, BigDecimal totalMonetary) {

    public PopulationPosition {
        Objects.requireNonNull(monetaryAbove, "monetaryAbove");
        Objects.requireNonNull(totalMonetary, "totalMonetary");
        if (n < 1 || worseRecency < 0 || worseRecency >= n || fewerPurchases < 0 || fewerPurchases >= n
                || smallerMonetary < 0 || smallerMonetary >= n) {
            throw new IllegalArgumentException("counts must be in [0, n) and n at least 1");
        }
    }
}
