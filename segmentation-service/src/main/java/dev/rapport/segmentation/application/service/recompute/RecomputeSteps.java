package dev.rapport.segmentation.application.service.recompute;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import dev.rapport.segmentation.application.port.out.customer.CustomerFactsRepository;
import dev.rapport.segmentation.application.port.out.recompute.PopulationRecomputer;
import dev.rapport.segmentation.application.port.out.recompute.RecomputeJobRepository;
import dev.rapport.segmentation.application.port.out.recompute.RecomputeEventPublisher;
import dev.rapport.segmentation.application.port.out.score.ScoreRepository;
import dev.rapport.segmentation.domain.score.ScoringRun;
import dev.rapport.segmentation.application.service.lifecycle.CustomerInsights;
import dev.rapport.segmentation.application.service.score.CustomerRescorer;
import dev.rapport.segmentation.domain.recompute.RecomputeJob;

/** The transactional steps of a recompute (a separate bean so that the transactions apply). */
@ApplicationScoped
public class RecomputeSteps {

    private static final Logger LOG = Logger.getLogger(RecomputeSteps.class);

    private final RecomputeJobRepository jobs;
    private final PopulationRecomputer recomputer;
    private final CustomerFactsRepository customers;
    private final ScoreRepository scores;
    private final CustomerRescorer rescorer;
    private final RecomputeEventPublisher recomputeEvents;
    private final CustomerInsights insights;

    /** Events per COPY into the outbox (a few MB of JSON). */
    static final int EVENT_BATCH = 5_000;

    public RecomputeSteps(RecomputeJobRepository jobs, PopulationRecomputer recomputer,
            CustomerFactsRepository customers, ScoreRepository scores, CustomerRescorer rescorer,
            RecomputeEventPublisher recomputeEvents, CustomerInsights insights) {
        this.recomputeEvents = recomputeEvents;
        this.insights = insights;
        this.jobs = jobs;
        this.recomputer = recomputer;
        this.customers = customers;
        this.scores = scores;
        this.rescorer = rescorer;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void update(RecomputeJob job) {
        jobs.update(job);
    }

    /** Re-scores the given customers into the run being built. @return how many */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int catchUp(long runId, List<UUID> touched) {
        ScoringRun run = scores.run(runId).orElseThrow();
        for (UUID customerId : touched) {
            run = rescorer.rescore(run, customerId, false);
        }
        return touched.size();
    }

    /**
     * Under the exclusive lock: the last catch-up, then the swap and its events. A base where most customers
     * change at once writes millions of events here: no JTA timeout of a request's length.
     * @return the previous run id
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @TransactionConfiguration(timeout = 6 * 3600)
    public long catchUpAndSwap(long runId, Instant since) {
        recomputer.lockExclusively();
        ScoringRun run = scores.run(runId).orElseThrow();
        for (UUID customerId : customers.touchedSince(since)) {
            run = rescorer.rescore(run, customerId, false);
        }
        long previous = recomputer.swap(runId);
        long published = publishChanges(previous, runId);
        LOG.infof("run %d replaces run %d: %d change events", runId, previous, published);
        return previous;
    }

    /**
     * Every change event between the previous run and the new one, in the swap's transaction (so they go out
     * exactly when the new run becomes visible): segment-changed and abc-class-changed (from null for a customer
     * new to the run), lifecycle-stage-changed, churn-risk-raised and relationship-level-changed, decided as
     * the incremental path decides them, each customer's before in the previous run's asOf and after in the new
     * one's. Customers moved incrementally since are in both runs as they are now, so nothing is published twice;
     * a recompute that changes nothing publishes nothing. Written in batches, one COPY each.
     * @return how many events
     */
    private long publishChanges(long previousId, long runId) {
        ScoringRun previous = scores.run(previousId).orElseThrow();
        ScoringRun run = scores.run(runId).orElseThrow();
        RecomputeEventPublisher.Batch batch = recomputeEvents.batch();
        long[] written = {0};
        recomputer.compare(previousId, runId, t -> {
            insights.publishTransition(batch, batch, t.customerId(), previous, t.before(), run, t.after(),
                    t.signals());
            if (batch.pending() >= EVENT_BATCH) {
                written[0] += batch.flush();
            }
        });
        return written[0] + batch.flush();
    }
}
