package dev.rapport.segmentation.application.port.in.recompute;

import java.util.Objects;
import java.util.UUID;

public record GetRecomputeJobQuery(UUID jobId) {

    public GetRecomputeJobQuery {
        Objects.requireNonNull(jobId, "jobId");
    }
}
