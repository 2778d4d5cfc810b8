package dev.rapport.feedback.application.port.in.complaint;

/**
 * Publishes complaint-sla-warning for open complaints whose deadline is within the warning period and
 * complaint-sla-breached for those whose deadline passed, exactly once each per complaint and deadline,
 * also across restarts and with several instances (only one scans at a time). Paused clocks are skipped.
 */
public interface ScanSlaUseCase {
    /** @return notices published by this scan (0 when another instance is scanning) */
    int scan();
}
