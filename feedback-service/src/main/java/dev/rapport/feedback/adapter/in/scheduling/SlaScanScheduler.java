package dev.rapport.feedback.adapter.in.scheduling;

import dev.rapport.feedback.application.port.in.complaint.ScanSlaUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Runs the SLA scan every {@code rapport.feedback.complaints.sla.scan-interval}; a failed scan is retried next time. */
@ApplicationScoped
public class SlaScanScheduler {

    private static final Logger LOG = Logger.getLogger(SlaScanScheduler.class);

    private final ScanSlaUseCase scan;

    public SlaScanScheduler(ScanSlaUseCase scan) {
        this.scan = scan;
    }

    @Scheduled(identity = "complaint-sla-scan", every = "${rapport.feedback.complaints.sla.scan-interval:30s}",
            delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            int published = scan.scan();
            if (published > 0) {
                LOG.debugf("SLA scan published %d notices", published);
            }
        } catch (RuntimeException e) {
            LOG.warnf("SLA scan failed, retried at the next interval: %s", e.getMessage());
        }
    }
}
