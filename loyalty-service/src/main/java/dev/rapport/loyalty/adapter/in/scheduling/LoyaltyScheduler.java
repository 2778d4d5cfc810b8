package dev.rapport.loyalty.adapter.in.scheduling;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.rapport.loyalty.application.port.in.scheduling.RunScheduledJobsUseCase;
import dev.rapport.loyalty.config.LoyaltyConfig;

/** Runs the scheduled work every {@code rapport.loyalty.scheduling.interval} (first run shortly after start). */
@ApplicationScoped
public class LoyaltyScheduler {

    private static final Logger LOG = Logger.getLogger(LoyaltyScheduler.class);

    private final RunScheduledJobsUseCase jobs;
    private final LoyaltyConfig config;
    private ScheduledExecutorService executor;

    public LoyaltyScheduler(RunScheduledJobsUseCase jobs, LoyaltyConfig config) {
        this.jobs = jobs;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.scheduling().enabled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "loyalty-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.scheduling().interval().toMillis();
        executor.scheduleWithFixedDelay(this::runOnce, Math.min(interval, 10_000), interval, TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            jobs.runDue();
        } catch (RuntimeException e) {
            LOG.warn("scheduled loyalty work failed; it is retried on the next round", e);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
