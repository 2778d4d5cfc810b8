package dev.rapport.segmentation.application.port.out.score;

import dev.rapport.segmentation.domain.score.AbcClass;
import dev.rapport.segmentation.domain.score.CustomerScore;
import dev.rapport.segmentation.domain.score.Segment;
import dev.rapport.segmentation.domain.score.ScoringRun;

/** segment-changed and abc-class-changed, published with the change's own transaction. */
public interface ScoreEventPublisher {

    /** {@code from} is null when the customer had no score (its first counting purchase). */
    void segmentChanged(ScoringRun run, Segment from, CustomerScore after);

    void abcClassChanged(ScoringRun run, AbcClass from, CustomerScore after);
}
