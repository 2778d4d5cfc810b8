package dev.rapport.segmentation.application.service.recompute;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.segmentation.application.port.out.customer.CustomerFactsRepository;
import dev.rapport.segmentation.application.port.out.recompute.PopulationRecomputer;
import dev.rapport.segmentation.application.port.out.recompute.RecomputeJobRepository;
import dev.rapport.segmentation.application.port.out.score.ScoreEventPublisher;
import dev.rapport.segmentation.application.port.out.score.ScoreRepository;
import dev.rapport.segmentation.domain.score.ScoringRun;
import dev.rapport.segmentation.application.service.score.CustomerRescorer;
import dev.rapport.segmentation.domain.recompute.RecomputeJob;

/** The transactional steps of a recompute (a separate bean so that the transactions apply). */
@ApplicationScoped
public class RecomputeSteps {

    private final RecomputeJobRepository jobs;
    private final PopulationRecomputer recomputer;
    private final CustomerFactsRepository customers;
    private final ScoreRepository scores;
    private final CustomerRescorer rescorer;
    private final ScoreEventPublisher events;

    static final int CHANGE_BATCH = 2_000;

    public RecomputeSteps(RecomputeJobRepository jobs, PopulationRecomputer recomputer,
            CustomerFactsRepository customers, ScoreRepository scores, CustomerRescorer rescorer,
            ScoreEventPublisher events) {
        this.events = events;
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
        for (UUID customerId : touched) {
            rescorer.rescore(scores.run(runId).orElseThrow(), customerId, false);
        }
        return touched.size();
    }

    /** Under the exclusive lock: the last catch-up, then the swap. @return the previous run id */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long catchUpAndSwap(long runId, Instant since) {
        recomputer.lockExclusively();
        for (UUID customerId : customers.touchedSince(since)) {
            rescorer.rescore(scores.run(runId).orElseThrow(), customerId, false);
        }
        long previous = recomputer.swap(runId);
        publishChanges(previous, runId);
        return previous;
    }

    /**
     * segment-changed and abc-class-changed for every customer whose segment or class differs from the previous
     * run, in the swap's transaction (so they go out exactly when the new run becomes visible).
     */
    private void publishChanges(long previous, long runId) {
        ScoringRun run = scores.run(runId).orElseThrow();
        UUID after = new UUID(0L, 0L); // the smallest uuid in PostgreSQL's byte order
        while (true) {
            List<ScoreRepository.ScoreChange> changes = scores.changes(previous, runId, after, CHANGE_BATCH);
            for (ScoreRepository.ScoreChange change : changes) {
                if (change.fromSegment() != change.after().segment()) {
                    events.segmentChanged(run, change.fromSegment(), change.after());
                }
                if (change.fromClass() != change.after().abcClass()) {
                    events.abcClassChanged(run, change.fromClass(), change.after());
                }
            }
            if (changes.size() < CHANGE_BATCH) {
                return;
            }
            after = changes.get(changes.size() - 1).after().customerId();
        }
    }
}
