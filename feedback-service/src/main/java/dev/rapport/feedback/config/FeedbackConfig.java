package dev.rapport.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Settings of feedback-service ({@code rapport.feedback.*}). */
@ConfigMapping(prefix = "rapport.feedback")
public interface FeedbackConfig {

    Paging paging();

    Analysis analysis();

    Complaints complaints();

    interface Complaints {
        Sla sla();
    }

    /**
     * The SLA policy table. The flat targets are the standard class; {@code key-account} (ABC class A) and
     * {@code top-tier} (a loyalty tier of {@code top-tier.tiers}) have rows of their own.
     */
    interface Sla {
        /** First response (acknowledgement) target of a standard customer's complaint. */
        @WithDefault("24h")
        Duration firstResponse();

        @WithDefault("120h")
        Duration resolutionLow();

        @WithDefault("72h")
        Duration resolutionNormal();

        @WithDefault("24h")
        Duration resolutionHigh();

        @WithDefault("8h")
        Duration resolutionUrgent();

        KeyAccount keyAccount();

        TopTier topTier();

        /** complaint-sla-warning goes out this long before a deadline. */
        @WithDefault("2h")
        Duration warningBefore();

        /** How often the SLA scan runs (one instance at a time). */
        @WithDefault("30s")
        Duration scanInterval();

        Calendar calendar();
    }

    /** Targets for A-class key accounts. */
    interface KeyAccount {
        @WithDefault("4h")
        Duration firstResponse();

        @WithDefault("48h")
        Duration resolutionLow();

        @WithDefault("24h")
        Duration resolutionNormal();

        @WithDefault("8h")
        Duration resolutionHigh();

        @WithDefault("4h")
        Duration resolutionUrgent();
    }

    /** Targets for members of a top loyalty tier. */
    interface TopTier {
        /** The loyalty tiers (names as loyalty-service publishes them, any case) that count as top. */
        @WithDefault("Gold,Platinum")
        List<String> tiers();

        @WithDefault("8h")
        Duration firstResponse();

        @WithDefault("72h")
        Duration resolutionLow();

        @WithDefault("48h")
        Duration resolutionNormal();

        @WithDefault("12h")
        Duration resolutionHigh();

        @WithDefault("6h")
        Duration resolutionUrgent();
    }

    /** Business hours: when enabled, SLA deadlines count only working time. */
    interface Calendar {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("UTC")
        ZoneId zone();

        @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
        Set<DayOfWeek> workingDays();

        /** Local time the working window opens. */
        @WithDefault("09:00")
        LocalTime opens();

        /** Local time it closes; not after {@code opens} means the next day (a night shift). */
        @WithDefault("17:00")
        LocalTime closes();

        /** ISO dates (yyyy-MM-dd) on which no window opens. */
        Optional<Set<LocalDate>> holidays();
    }

    interface Paging {
        @WithDefault("20")
        int defaultLimit();

        @WithDefault("100")
        int maxLimit();
    }

    interface Analysis {
        /** A topic lexicon file replacing the shipped {@code analysis/topics.txt}. */
        Optional<String> topicsFile();

        /** Texts whose sentiment score is within +/- this of 0 are neutral. */
        @WithDefault("0.2")
        double neutralBand();
    }
}
