package dev.rapport.segmentation.config;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code rapport.segmentation.*} */
@ConfigMapping(prefix = "rapport.segmentation")
public interface SegmentationConfig {

    /** Calendar days (asOf, recency) are taken in this zone. */
    @WithDefault("UTC")
    String businessZone();

    /** The currency monetary values are reported in (the business is assumed single-currency). */
    @WithDefault("GBP")
    String currency();

    Paging paging();

    Recompute recompute();

    Clv clv();

    Lifecycle lifecycle();

    interface Paging {
        @WithDefault("100")
        int defaultLimit();

        @WithDefault("1000")
        int maxLimit();
    }

    interface Recompute {
        /** Quartz cron of the daily full recompute; "off" disables it. */
        @WithDefault("0 30 2 * * ?")
        String cron();

        /** How often the worker looks for queued jobs. */
        @WithDefault("2s")
        String pollInterval();

        /**
         * At start-up, queue today's recompute when the scores are older than today (a fresh install,
         * or a daily run missed while the service was down), so they never wait for the next night.
         */
        @WithDefault("true")
        boolean onStart();
    }

    /** Thresholds of lifecycle, churn risk and relationship level (see LifecyclePolicy). */
    interface Lifecycle {
        @WithDefault("90")
        int fallbackCadenceDays();

        @WithDefault("2.0")
        double atRiskMultiple();

        @WithDefault("4.0")
        double churnedMultiple();

        @WithDefault("5")
        int loyalPurchases();

        @WithDefault("180")
        int spendWindowDays();

        @WithDefault("0.5")
        BigDecimal fallingSpendRatio();

        @WithDefault("90")
        int loyaltyInactiveDays();

        @WithDefault("6")
        int npsDetractorMax();

        @WithDefault("2")
        int lowCsatMax();

        @WithDefault("2")
        int mediumRiskPoints();

        @WithDefault("4")
        int highRiskPoints();
    }

    interface Clv {
        @WithDefault("0.10")
        BigDecimal annualDiscountRate();

        @WithDefault("500")
        int minRepeatCustomers();

        @WithDefault("180")
        int minHistoryDays();

        /** Days between purchases the rule-based fallback assumes for a one-time buyer. */
        @WithDefault("90")
        int fallbackCadenceDays();
    }
}
