package dev.rapport.segmentation.application.port.in.recompute;

import dev.rapport.segmentation.domain.recompute.RecomputeJob;

public interface GetRecomputeJobUseCase {

    RecomputeJob get(GetRecomputeJobQuery query);
}
