package dev.rapport.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Settings of feedback-service ({@code rapport.feedback.*}). */
@ConfigMapping(prefix = "rapport.feedback")
public interface FeedbackConfig {

    Paging paging();

    Analysis analysis();

    Complaints complaints();

    interface Complaints {
        Sla sla();
    }

    interface Sla {
        /** First response (acknowledgement) target of every complaint. */
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

        /** complaint-sla-warning goes out this long before a deadline. */
        @WithDefault("2h")
        Duration warningBefore();

        /** How often the SLA scan runs (one instance at a time). */
        @WithDefault("30s")
        Duration scanInterval();
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
