package dev.rapport.segmentation.application.port.in.recompute;

import dev.rapport.segmentation.domain.recompute.RecomputeJob;

/** Queues a full recompute; a worker runs it. */
public interface StartRecomputeUseCase {

    RecomputeJob start(StartRecomputeCommand command);

    /** Queues today's recompute when the scores in use are as of an earlier day; empty when they are current. */
    java.util.Optional<RecomputeJob> startIfOutdated();
}
