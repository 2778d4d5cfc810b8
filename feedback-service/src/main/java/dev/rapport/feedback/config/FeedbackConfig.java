package dev.rapport.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of feedback-service ({@code rapport.feedback.*}). */
@ConfigMapping(prefix = "rapport.feedback")
public interface FeedbackConfig {

    Paging paging();

    interface Paging {
        @WithDefault("20")
        int defaultLimit();

        @WithDefault("100")
        int maxLimit();
    }
}
