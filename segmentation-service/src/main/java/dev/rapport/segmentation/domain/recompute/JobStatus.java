package dev.rapport.segmentation.domain.recompute;

/** queued → running → succeeded | failed. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED
}
