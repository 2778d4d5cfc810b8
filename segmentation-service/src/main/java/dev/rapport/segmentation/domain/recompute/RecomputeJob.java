package dev.rapport.segmentation.domain.recompute;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A full recompute as of {@code asOf}. {@code phase} names the step it is in (queued, scoring, fitting, done,
 * failed); {@code progress} is 0–100.
 */
public record RecomputeJob(UUID id, LocalDate asOf, JobStatus status, String phase, int progress, Integer customers,
        Long runId, String error, Instant requestedAt, Instant startedAt, Instant finishedAt) {

    public RecomputeJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    public static RecomputeJob queued(UUID id, LocalDate asOf, Instant now) {
        return new RecomputeJob(id, asOf, JobStatus.QUEUED, "queued", 0, null, null, null, now, null, null);
    }
}
