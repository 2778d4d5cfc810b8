package dev.rapport.segmentation.domain.score;

import java.util.Objects;

import dev.rapport.segmentation.domain.lifecycle.SpendTrend;

/** A customer's row of a run: its score and its spend trend. */
public record StoredScore(CustomerScore score, SpendTrend trend) {

    public StoredScore {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(trend, "trend");
    }
}
