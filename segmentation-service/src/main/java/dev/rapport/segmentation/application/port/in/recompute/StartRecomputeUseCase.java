package dev.rapport.segmentation.application.port.in.recompute;

import dev.rapport.segmentation.domain.recompute.RecomputeJob;

/** Queues a full recompute; a worker runs it. */
public interface StartRecomputeUseCase {

    RecomputeJob start(StartRecomputeCommand command);
}
