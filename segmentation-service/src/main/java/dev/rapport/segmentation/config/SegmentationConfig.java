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
    }

    interface Clv {
        @WithDefault("0.10")
        BigDecimal annualDiscountRate();

        @WithDefault("500")
        int minRepeatCustomers();

        @WithDefault("180")
        int minHistoryDays();
    }
}
