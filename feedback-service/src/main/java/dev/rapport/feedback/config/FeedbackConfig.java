package dev.rapport.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Settings of feedback-service ({@code rapport.feedback.*}). */
@ConfigMapping(prefix = "rapport.feedback")
public interface FeedbackConfig {

    Paging paging();

    Analysis analysis();

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
