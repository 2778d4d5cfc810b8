package dev.rapport.segmentation.domain.lifecycle;

import java.math.BigDecimal;

/**
 * The thresholds of lifecycle, churn risk and relationship level (all configurable; defaults in the README).
 *
 * @param fallbackCadenceDays   the cadence assumed for a customer with one purchase
 * @param atRiskMultiple        at-risk when the recency exceeds this many cadences
 * @param churnedMultiple       churned when the recency exceeds this many cadences
 * @param loyalPurchases        loyal from this many purchases (when not at risk)
 * @param spendWindowDays       the length of the two windows compared for falling spend
 * @param fallingSpendRatio     spend is falling when recent &lt; ratio × previous
 * @param loyaltyInactiveDays   a member without loyalty activity for this long is inactive
 * @param npsDetractorMax       an NPS answer up to this is a detractor
 * @param lowCsatMax            a satisfaction rating up to this is low
 * @param mediumRiskPoints      churn risk is medium from this many points
 * @param highRiskPoints        churn risk is high from this many points
 */
public record LifecyclePolicy(int fallbackCadenceDays, double atRiskMultiple, double churnedMultiple, int loyalPurchases,
        int spendWindowDays, BigDecimal fallingSpendRatio, int loyaltyInactiveDays, int npsDetractorMax,
        int lowCsatMax, int mediumRiskPoints, int highRiskPoints) {

    public static final LifecyclePolicy DEFAULTS = new LifecyclePolicy(90, 2.0, 4.0, 5, 180, new BigDecimal("0.5"),
            90, 6, 2, 2, 4);

    public LifecyclePolicy {
        if (fallbackCadenceDays < 1 || atRiskMultiple <= 0 || churnedMultiple <= atRiskMultiple || loyalPurchases < 2
                || spendWindowDays < 1 || fallingSpendRatio.signum() <= 0 || loyaltyInactiveDays < 1
                || mediumRiskPoints < 1 || highRiskPoints <= mediumRiskPoints) {
            throw new IllegalArgumentException("invalid lifecycle thresholds");
        }
    }
}
