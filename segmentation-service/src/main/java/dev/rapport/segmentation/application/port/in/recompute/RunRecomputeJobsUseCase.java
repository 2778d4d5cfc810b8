package dev.rapport.segmentation.application.port.in.recompute;

/** The worker's side: runs queued jobs one after another. */
public interface RunRecomputeJobsUseCase {

    /** Runs the next queued job, if any. @return whether one ran */
    boolean runNext();
}
