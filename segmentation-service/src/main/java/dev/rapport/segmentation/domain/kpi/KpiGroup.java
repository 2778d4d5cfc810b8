package dev.rapport.segmentation.domain.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;

/**
 * The relationship KPIs of one group (a month, or an acquisition channel over the whole range):
 * customers who bought in the period ({@code active}) and in the previous period ({@code previousActive}),
 * how many of those bought again ({@code retained}), how many of the period's buyers had bought before it
 * ({@code returning}), first-time buyers ({@code newCustomers}), revenue, revenue per current segment, and the
 * acquisition spend when known.
 */
public record KpiGroup(String key, long active, long previousActive, long retained, long returning,
        long newCustomers, BigDecimal revenue, Map<String, BigDecimal> revenueBySegment, BigDecimal spend) {

    public KpiGroup {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(revenue, "revenue");
        revenueBySegment = Map.copyOf(revenueBySegment);
    }

    /** retained / previousActive; null without buyers in the previous period. */
    public BigDecimal retentionRate() {
        return ratio(retained, previousActive);
    }

    /** returning / active: the share of the period's buyers who had bought before. */
    public BigDecimal repeatPurchaseRate() {
        return ratio(returning, active);
    }

    /** Previous-period buyers who did not buy again. */
    public long churnedCustomers() {
        return previousActive - retained;
    }

    /** spend / new customers; null when the spend is unknown or nobody new came. */
    public BigDecimal acquisitionCost() {
        return spend == null || newCustomers == 0 ? null
                : spend.divide(BigDecimal.valueOf(newCustomers), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
