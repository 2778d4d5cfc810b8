package dev.rapport.segmentation.application.port.in.score;

import java.util.Objects;

import dev.rapport.segmentation.domain.clv.ClvEstimate;
import dev.rapport.segmentation.domain.lifecycle.CustomerInsight;
import dev.rapport.segmentation.domain.score.ScoredCustomer;

/** Everything segmentation says about a customer; {@code clv} is null for a prospect. */
public record CustomerSegmentsView(ScoredCustomer customer, ClvEstimate clv, CustomerInsight insight) {

    public CustomerSegmentsView {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(insight, "insight");
    }
}
