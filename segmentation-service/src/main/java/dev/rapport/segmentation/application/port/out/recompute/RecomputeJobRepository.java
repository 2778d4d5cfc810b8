package dev.rapport.segmentation.application.port.out.recompute;

import java.util.Optional;
import java.util.UUID;

import dev.rapport.segmentation.domain.recompute.RecomputeJob;

/** Recompute jobs. */
public interface RecomputeJobRepository {

    void add(RecomputeJob job);

    Optional<RecomputeJob> find(UUID id);

    /** The oldest queued job, or a job left running by a stopped process (it is run again from the start). */
    Optional<RecomputeJob> nextToRun();

    void update(RecomputeJob job);

    /**
     * Serialises the callers that queue a job only when none is open (instances starting together), until the
     * transaction ends.
     */
    void lockQueue();

    /** Whether a queued or running job will score as of {@code asOf} or later. */
    boolean openFrom(java.time.LocalDate asOf);
}
