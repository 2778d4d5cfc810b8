package dev.rapport.segmentation.application.service.recompute;

import java.time.LocalDate;
import java.util.function.ObjIntConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import dev.rapport.segmentation.application.port.out.clv.ClvModelRepository;
import dev.rapport.segmentation.application.port.out.recompute.PopulationRecomputer;
import dev.rapport.segmentation.application.port.out.recompute.RecomputeEventPublisher;
import dev.rapport.segmentation.application.port.out.recompute.RecomputeJobRepository;
import dev.rapport.segmentation.application.port.out.score.ScoreRepository;
import dev.rapport.segmentation.application.service.lifecycle.CustomerInsights;
import dev.rapport.segmentation.domain.clv.ClvModel;
import dev.rapport.segmentation.domain.clv.ClvPolicy;
import dev.rapport.segmentation.domain.lifecycle.LifecyclePolicy;
import dev.rapport.segmentation.domain.recompute.RecomputeJob;
import dev.rapport.segmentation.domain.score.ScoringPolicy;
import dev.rapport.segmentation.domain.score.ScoringRun;

/** The transactional steps of a recompute (a separate bean so that the transactions apply). */
@ApplicationScoped
public class RecomputeSteps {

    /** Events per COPY into the outbox (a few MB of JSON). */
    static final int EVENT_BATCH = 5_000;
    /** The lifetime-value models are fitted on a uniform sample of at most this many customers. */
    static final int CLV_SAMPLE = 20_000;

    private final RecomputeJobRepository jobs;
    private final PopulationRecomputer recomputer;
    private final ScoreRepository scores;
    private final RecomputeEventPublisher recomputeEvents;
    private final CustomerInsights insights;
    private final ClvModelRepository clvModels;
    private final ClvPolicy clvPolicy;
    private final ScoringPolicy policy;
    private final LifecyclePolicy lifecyclePolicy;

    public RecomputeSteps(RecomputeJobRepository jobs, PopulationRecomputer recomputer, ScoreRepository scores,
            RecomputeEventPublisher recomputeEvents, CustomerInsights insights, ClvModelRepository clvModels,
            ClvPolicy clvPolicy, ScoringPolicy policy, LifecyclePolicy lifecyclePolicy) {
        this.jobs = jobs;
        this.recomputer = recomputer;
        this.scores = scores;
        this.recomputeEvents = recomputeEvents;
        this.insights = insights;
        this.clvModels = clvModels;
        this.clvPolicy = clvPolicy;
        this.policy = policy;
        this.lifecyclePolicy = lifecyclePolicy;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void update(RecomputeJob job) {
        jobs.update(job);
    }

    /** What a recompute did. */
    public record Outcome(ScoringRun run, long rowsChanged, long events, double fitSeconds) {
    }

    /**
     * The whole recompute in one transaction under the exclusive lock (incremental changes wait for it, so none
     * is lost or scored against a half-written run): every customer scored as of {@code asOf}, the changed rows
     * written back, the new run made current, its change events and its lifetime-value models. Every change
     * between the previous run and the new one is published as the incremental path decides it (before as of
     * the previous asOf, after as of the new one): segment-changed and abc-class-changed (from null for a customer
     * new to the run), lifecycle-stage-changed, churn-risk-raised and relationship-level-changed; no change, no
     * event. A base where most customers change at once writes millions of events: no JTA timeout of a
     * request's length. {@code progress} is told the phase (scoring, fitting) and the progress 0–100.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @TransactionConfiguration(timeout = 6 * 3600)
    public Outcome recompute(LocalDate asOf, ObjIntConsumer<String> progress) {
        recomputer.lockExclusively();
        ScoringRun previous = scores.currentRun();
        // the current run's fit is the starting point: a day's new purchases move the optimum little
        ClvModel last = clvModels.find(previous.id()).orElse(null);
        RecomputeEventPublisher.Batch batch = recomputeEvents.batch();
        long[] written = {0};
        PopulationRecomputer.Recomputed recomputed = recomputer.recompute(previous, asOf, policy.zone(),
                lifecyclePolicy, percent -> progress.accept("scoring", percent * 9 / 10), run -> t -> {
                    insights.publishTransition(batch, batch, t.customerId(), previous, t.before(), run, t.after(),
                            t.signals());
                    if (batch.pending() >= EVENT_BATCH) {
                        written[0] += batch.flush();
                    }
                });
        written[0] += batch.flush();
        progress.accept("fitting", 92);
        long fitting = System.nanoTime();
        ScoringRun run = recomputed.run();
        clvModels.save(run.id(), ClvModel.fit(clvModels.histories(run.id(), CLV_SAMPLE),
                clvModels.historyDays(run.id()), clvPolicy, last));
        double fitSeconds = (System.nanoTime() - fitting) / 1e9;
        recomputer.forget(previous.id());
        return new Outcome(run, recomputed.rowsChanged(), written[0], fitSeconds);
    }
}
