package dev.rapport.loyalty.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of loyalty-service under {@code rapport.loyalty}. */
@ConfigMapping(prefix = "rapport.loyalty")
public interface LoyaltyConfig {

    Paging paging();

    /** The program's default rules (version 0); {@code PUT /loyalty/program} adds later versions. */
    Program program();

    Scheduling scheduling();

    Consumer consumer();

    interface Consumer {
        /**
         * Consumer loops of {@code rapport.customer.events} in this instance: the topic's partitions are
         * shared by them, so the purchases of different customers are earned on both cores at once.
         */
        @WithDefault("2")
        int loops();
    }

    interface Paging {
        @WithDefault("20")
        int defaultLimit();

        @WithDefault("100")
        int maxLimit();
    }

    interface Program {
        /** Points per currency unit. */
        @WithDefault("1")
        BigDecimal earnRate();

        /** Per-currency overrides of the earn rate, e.g. {@code currency-rates.JPY=0.01}. */
        Map<String, BigDecimal> currencyRates();

        /** down, half_up or up. */
        @WithDefault("down")
        String rounding();

        @WithDefault("30")
        int pendingDays();

        @WithDefault("12")
        int expiryMonths();

        @WithDefault("12")
        int tierWindowMonths();

        List<Tier> tiers();

        @WithDefault("500")
        long referralAdvocateBonus();

        @WithDefault("250")
        long referralRefereeBonus();

        @WithDefault("20")
        int referralUsageLimit();

        @WithDefault("200")
        long birthdayBonus();

        @WithDefault("14")
        int expiringReminderDays();
    }

    interface Tier {
        String name();

        long threshold();

        @WithDefault("1")
        BigDecimal multiplier();

        @WithDefault("0")
        BigDecimal discountPercent();

        Optional<List<String>> perks();
    }

    interface Scheduling {
        /** Run the scheduled jobs (expiry, reminders, birthdays) in this instance. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("1m")
        Duration interval();

        @WithDefault("500")
        int batchSize();
    }
}
