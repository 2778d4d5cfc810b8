package dev.rapport.customer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of customer-service under {@code rapport.customer}. */
@ConfigMapping(prefix = "rapport.customer")
public interface CustomerServiceConfig {

    Phone phone();

    Paging paging();

    FollowUps followUps();

    interface Phone {
        /**
         * ISO 3166 region assumed for numbers typed without a country code, e.g. "(415) 555-2671"
         * with US. Numbers starting with + or 00 ignore it.
         */
        @WithDefault("US")
        String defaultRegion();
    }

    interface Paging {
        @WithDefault("20")
        int defaultLimit();

        @WithDefault("100")
        int maxLimit();
    }

    interface FollowUps {
        /** Zone of "today", "week" and bare due dates (rapport.customer.follow-ups.zone). */
        @WithDefault("UTC")
        java.time.ZoneId zone();
    }
}
