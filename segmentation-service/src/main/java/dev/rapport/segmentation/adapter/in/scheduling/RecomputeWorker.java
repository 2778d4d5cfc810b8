package dev.rapport.segmentation.adapter.in.scheduling;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;

import dev.rapport.segmentation.config.SegmentationConfig;

import dev.rapport.segmentation.application.port.in.recompute.RunRecomputeJobsUseCase;
import dev.rapport.segmentation.application.port.in.recompute.StartRecomputeCommand;
import dev.rapport.segmentation.application.port.in.recompute.StartRecomputeUseCase;

/**
 * Runs queued recompute jobs one at a time (a job left running by a stopped process is started again), and
 * queues the daily recompute (asOf = today in the business zone).
 */
@ApplicationScoped
public class RecomputeWorker {

    private static final Logger LOG = Logger.getLogger(RecomputeWorker.class);

    private final RunRecomputeJobsUseCase jobs;
    private final StartRecomputeUseCase start;
    private final SegmentationConfig config;
    private final AtomicBoolean busy = new AtomicBoolean();

    RecomputeWorker(RunRecomputeJobsUseCase jobs, StartRecomputeUseCase start, SegmentationConfig config) {
        this.jobs = jobs;
        this.start = start;
        this.config = config;
    }

    /** Scores older than today (fresh install, a missed night) are recomputed now, not at the next cron. */
    void onStart(@Observes StartupEvent event) {
        if (config.recompute().onStart()) {
            start.startIfOutdated().ifPresent(job -> LOG.infof("scores were outdated: queued recompute %s", job.id()));
        }
    }

    @Scheduled(every = "${rapport.segmentation.recompute.poll-interval:2s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runQueued() {
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        try {
            while (jobs.runNext()) {
                LOG.debug("recompute job finished");
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "recompute worker round failed");
        } finally {
            busy.set(false);
        }
    }

    @Scheduled(cron = "${rapport.segmentation.recompute.cron}")
    void daily() {
        start.start(new StartRecomputeCommand(null));
    }
}
