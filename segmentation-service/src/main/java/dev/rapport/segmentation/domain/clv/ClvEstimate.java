package dev.rapport.segmentation.domain.clv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import dev.rapport.segmentation.domain.score.RfmValues;

/**
 * A customer's lifetime value: historical (= monetary), the discounted revenue expected in the next 12 months,
 * the probability of being alive and the purchases expected in 12 months.
 */
public record ClvEstimate(BigDecimal historical, BigDecimal predicted12m, double probabilityAlive,
        double expectedPurchases12m, boolean sufficientData) {

    private static final double WEEKS_PER_YEAR = 52.0;

    public ClvEstimate {
        Objects.requireNonNull(historical, "historical");
        Objects.requireNonNull(predicted12m, "predicted12m");
    }

    /**
     * From the models when the base sufficed; otherwise the rule: cadence = days between first and last purchase
     * / (purchases − 1) (the fallback cadence for one-time buyers), P(alive) = 1 while the recency is within the
     * cadence and cadence / recency after, expected purchases = P(alive) × 365 / cadence, spend = mean purchase
     * value. Revenue is discounted monthly at the annual rate.
     */
    public static ClvEstimate of(RfmValues v, LocalDate asOf, ClvModel model, ClvPolicy policy) {
        int x = v.frequency() - 1;
        double meanSpend = v.monetary().doubleValue() / v.frequency();
        double monthlyRate = Math.pow(1 + policy.annualDiscountRate(), 1.0 / 12) - 1;
        double pAlive;
        double expected12;
        double[] cumulative = new double[13];
        double spend;
        if (model.sufficientData()) {
            double tx = ChronoUnit.DAYS.between(v.firstPurchase(), v.lastPurchase()) / 7.0;
            double t = Math.max(tx, ChronoUnit.DAYS.between(v.firstPurchase(), asOf) / 7.0);
            BgNbdModel bg = model.purchases();
            pAlive = bg.probabilityAlive(x, tx, t);
            for (int month = 1; month <= 12; month++) {
                cumulative[month] = bg.expectedPurchases(WEEKS_PER_YEAR * month / 12, x, tx, t);
            }
            expected12 = cumulative[12];
            spend = model.spend().expectedMeanSpend(x, meanSpend);
        } else {
            long span = ChronoUnit.DAYS.between(v.firstPurchase(), v.lastPurchase());
            double cadence = x > 0 && span > 0 ? (double) span / x : policy.fallbackCadenceDays();
            pAlive = v.recencyDays() <= cadence ? 1.0 : cadence / v.recencyDays();
            expected12 = pAlive * 365.0 / cadence;
            for (int month = 1; month <= 12; month++) {
                cumulative[month] = expected12 * month / 12;
            }
            spend = meanSpend;
        }
        double predicted = 0;
        for (int month = 1; month <= 12; month++) {
            predicted += (cumulative[month] - cumulative[month - 1]) * spend / Math.pow(1 + monthlyRate, month);
        }
        return new ClvEstimate(v.monetary(), BigDecimal.valueOf(predicted).setScale(2, RoundingMode.HALF_UP),
                round(pAlive), round(expected12), model.sufficientData());
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
