package dev.rapport.segmentation.application.service.recompute;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.rapport.kernel.InvalidInputException;
import dev.rapport.kernel.TimeOrderedIds;
import dev.rapport.segmentation.application.port.in.recompute.GetRecomputeJobQuery;
import dev.rapport.segmentation.application.port.in.recompute.GetRecomputeJobUseCase;
import dev.rapport.segmentation.application.port.in.recompute.RunRecomputeJobsUseCase;
import dev.rapport.segmentation.application.port.in.recompute.StartRecomputeCommand;
import dev.rapport.segmentation.application.port.in.recompute.StartRecomputeUseCase;
import dev.rapport.segmentation.application.port.out.customer.CustomerFactsRepository;
import dev.rapport.segmentation.application.port.out.recompute.PopulationRecomputer;
import dev.rapport.segmentation.application.port.out.recompute.RecomputeJobRepository;
import dev.rapport.segmentation.application.port.out.score.ScoreRepository;
import dev.rapport.segmentation.application.port.out.clv.ClvModelRepository;
import dev.rapport.segmentation.domain.clv.ClvModel;
import dev.rapport.segmentation.domain.clv.ClvPolicy;
import dev.rapport.segmentation.domain.lifecycle.LifecyclePolicy;
import dev.rapport.segmentation.domain.recompute.JobStatus;
import dev.rapport.segmentation.domain.recompute.RecomputeJob;
import dev.rapport.segmentation.domain.recompute.RecomputeJobNotFoundException;
import dev.rapport.segmentation.domain.score.ScoringPolicy;
import dev.rapport.segmentation.domain.score.ScoringRun;

/**
 * Full recompute: the set-based build into a new run (readers keep the current one), then the customers
 * whose facts changed since the build's snapshot are re-scored into the new run, and the swap happens under
 * the exclusive lock after a last catch-up, so no event is lost between the two runs.
 */
@ApplicationScoped
public class RecomputeService implements StartRecomputeUseCase, GetRecomputeJobUseCase, RunRecomputeJobsUseCase {

    private static final Logger LOG = Logger.getLogger(RecomputeService.class);

    private final RecomputeJobRepository jobs;
    private final PopulationRecomputer recomputer;
    private final CustomerFactsRepository customers;
    private final ScoreRepository scores;
    private final ScoringPolicy policy;
    private final Clock clock;
    private final RecomputeSteps steps;
    private final ClvModelRepository clvModels;
    private final ClvPolicy clvPolicy;
    private final LifecyclePolicy lifecyclePolicy;

    /** The lifetime-value models are fitted on a uniform sample of at most this many customers. */
    static final int CLV_SAMPLE = 20_000;

    public RecomputeService(RecomputeJobRepository jobs, PopulationRecomputer recomputer,
            CustomerFactsRepository customers, ScoreRepository scores,
            ScoringPolicy policy, Clock clock, RecomputeSteps steps, ClvModelRepository clvModels,
            ClvPolicy clvPolicy, LifecyclePolicy lifecyclePolicy) {
        this.lifecyclePolicy = lifecyclePolicy;
        this.clvModels = clvModels;
        this.clvPolicy = clvPolicy;
        this.jobs = jobs;
        this.recomputer = recomputer;
        this.customers = customers;
        this.scores = scores;
        this.policy = policy;
        this.clock = clock;
        this.steps = steps;
    }

    @Override
    @Transactional
    public java.util.Optional<RecomputeJob> startIfOutdated() {
        LocalDate today = LocalDate.now(clock.withZone(policy.zone()));
        if (!scores.currentRun().asOf().isBefore(today)) {
            return java.util.Optional.empty();
        }
        // two instances starting together queue one job: the second finds the first's
        jobs.lockQueue();
        if (jobs.openFrom(today)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(start(new StartRecomputeCommand(null)));
    }

    @Override
    @Transactional
    public RecomputeJob start(StartRecomputeCommand command) {
        LocalDate today = LocalDate.now(clock.withZone(policy.zone()));
        LocalDate asOf = command.asOf() == null ? today : command.asOf();
        // asOf may be at most tomorrow: "before the start of asOf" then covers all of today
        if (asOf.isAfter(today.plusDays(1))) {
            throw InvalidInputException.of("asOf", "must not be after tomorrow (" + today.plusDays(1) + ")");
        }
        if (asOf.isBefore(LocalDate.of(1970, 1, 2))) {
            throw InvalidInputException.of("asOf", "must be after 1970-01-01");
        }
        RecomputeJob job = RecomputeJob.queued(TimeOrderedIds.next(), asOf, clock.instant());
        jobs.add(job);
        return job;
    }

    @Override
    public RecomputeJob get(GetRecomputeJobQuery query) {
        return jobs.find(query.jobId()).orElseThrow(() -> new RecomputeJobNotFoundException(query.jobId().toString()));
    }

    @Override
    public boolean runNext() {
        RecomputeJob job = jobs.nextToRun().orElse(null);
        if (job == null) {
            return false;
        }
        Long built = null;
        try {
            long[] at = new long[5];
            at[0] = System.nanoTime();
            job = progress(new RecomputeJob(job.id(), job.asOf(), JobStatus.RUNNING, "scoring", 0, null, null, null,
                    job.requestedAt(), clock.instant(), null));
            recomputer.discardUnfinished();
            RecomputeJob running = job;
            PopulationRecomputer.Built run = recomputer.build(job.asOf(), policy.zone(), lifecyclePolicy.spendWindowDays(),
                    percent -> progress(withProgress(running, "scoring", percent)));
            built = run.runId();
            at[1] = System.nanoTime();
            job = progress(new RecomputeJob(job.id(), job.asOf(), JobStatus.RUNNING, "fitting", 86,
                    run.customers(), run.runId(), null, job.requestedAt(), job.startedAt(), null));
            // the current run's fit is the starting point: a day's new purchases move the optimum little
            ClvModel last = clvModels.find(scores.currentRun().id()).orElse(null);
            ClvModel model = ClvModel.fit(clvModels.histories(run.runId(), CLV_SAMPLE),
                    clvModels.historyDays(run.runId()), clvPolicy, last);
            clvModels.save(run.runId(), model);
            at[2] = System.nanoTime();
            job = progress(new RecomputeJob(job.id(), job.asOf(), JobStatus.RUNNING, "catching-up", 90,
                    run.customers(), run.runId(), null, job.requestedAt(), job.startedAt(), null));
            Instant since = run.snapshot();
            // re-score outside the lock first (events keep flowing), then once more under it
            for (int round = 0; round < 3; round++) {
                Instant next = customers.databaseNow();
                int caught = steps.catchUp(run.runId(), customers.touchedSince(since));
                since = next;
                if (caught == 0) {
                    break;
                }
            }
            at[3] = System.nanoTime();
            job = progress(withProgress(job, "swapping", 95));
            long previous = steps.catchUpAndSwap(run.runId(), since);
            recomputer.drop(previous);
            ScoringRun current = scores.currentRun();
            progress(new RecomputeJob(job.id(), job.asOf(), JobStatus.SUCCEEDED, "done", 100,
                    (int) current.customers(), run.runId(), null, job.requestedAt(), job.startedAt(), clock.instant()));
            at[4] = System.nanoTime();
            LOG.infof("recompute %s as of %s: %d customers in run %d; scoring %.1f s, fitting %.1f s, catching up "
                    + "%.1f s, swap and change events %.1f s", job.id(), job.asOf(), current.customers(), run.runId(),
                    (at[1] - at[0]) / 1e9, (at[2] - at[1]) / 1e9, (at[3] - at[2]) / 1e9, (at[4] - at[3]) / 1e9);
        } catch (RuntimeException e) {
            LOG.errorf(e, "recompute %s failed", job.id());
            if (built != null && scores.currentRun().id() != built) {
                try {
                    recomputer.drop(built);
                } catch (RuntimeException dropFailed) {
                    LOG.warnf(dropFailed, "could not drop the unfinished run %d", built);
                }
            }
            progress(new RecomputeJob(job.id(), job.asOf(), JobStatus.FAILED, "failed", job.progress(),
                    job.customers(), null, e.getClass().getSimpleName(), job.requestedAt(), job.startedAt(),
                    clock.instant()));
        }
        return true;
    }

    private static RecomputeJob withProgress(RecomputeJob job, String phase, int progress) {
        return new RecomputeJob(job.id(), job.asOf(), job.status(), phase, progress, job.customers(), job.runId(),
                job.error(), job.requestedAt(), job.startedAt(), job.finishedAt());
    }

    private RecomputeJob progress(RecomputeJob job) {
        steps.update(job);
        return job;
    }
}
