package dev.rapport.feedback.adapter.in.rest;

import dev.rapport.feedback.config.FeedbackConfig;
import dev.rapport.http.QueryParameters;
import dev.rapport.kernel.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code ?limit=&cursor=} of every list, with the configured default and maximum. */
@ApplicationScoped
public class Paging {

    private final FeedbackConfig config;

    public Paging(FeedbackConfig config) {
        this.config = config;
    }

    public PageRequest request(String limit, String cursor, String cursorKind) {
        return QueryParameters.page(limit, cursor, cursorKind, config.paging().defaultLimit(), config.paging().maxLimit());
    }
}
