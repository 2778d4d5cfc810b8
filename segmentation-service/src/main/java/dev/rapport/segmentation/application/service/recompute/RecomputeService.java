package dev.rapport.segmentation.application.service.recompute;

import java.time.Clock;
import java.time.LocalDate;

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
import dev.rapport.segmentation.application.port.out.recompute.RecomputeJobRepository;
import dev.rapport.segmentation.application.port.out.score.ScoreRepository;
import dev.rapport.segmentation.domain.recompute.JobStatus;
import dev.rapport.segmentation.domain.recompute.RecomputeJob;
import dev.rapport.segmentation.domain.recompute.RecomputeJobNotFoundException;
import dev.rapport.segmentation.domain.score.ScoringPolicy;
import dev.rapport.segmentation.domain.score.ScoringRun;

/**
 * Full recompute jobs: queued by the API, the schedule and the start-up check, run one at a time
 * ({@link RecomputeSteps#recompute}: one transaction, readers keep the current run until it commits).
 */
@ApplicationScoped
public class RecomputeService implements StartRecomputeUseCase, GetRecomputeJobUseCase, RunRecomputeJobsUseCase {

    private static final Logger LOG = Logger.getLogger(RecomputeService.class);

    private final RecomputeJobRepository jobs;
    private final ScoreRepository scores;
    private final ScoringPolicy policy;
    private final Clock clock;
    private final RecomputeSteps steps;

    public RecomputeService(RecomputeJobRepository jobs, ScoreRepository scores, ScoringPolicy policy, Clock clock,
            RecomputeSteps steps) {
        this.jobs = jobs;
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
        try {
            long started = System.nanoTime();
            // a job left running by a stopped process starts again: its transaction was rolled back
            RecomputeJob running = progress(new RecomputeJob(job.id(), job.asOf(), JobStatus.RUNNING, "scoring", 0,
                    null, null, null, job.requestedAt(), clock.instant(), null));
            job = running;
            RecomputeSteps.Outcome outcome = steps.recompute(job.asOf(),
                    (phase, percent) -> progress(withProgress(running, phase, percent)));
            ScoringRun run = outcome.run();
            progress(new RecomputeJob(job.id(), job.asOf(), JobStatus.SUCCEEDED, "done", 100,
                    (int) run.customers(), run.id(), null, job.requestedAt(), job.startedAt(), clock.instant()));
            LOG.infof("recompute %s as of %s: %d customers in run %d, %d rows written, %d change events in %.1f s "
                    + "(of which the lifetime-value fit %.1f s)", job.id(), job.asOf(), run.customers(), run.id(),
                    outcome.rowsChanged(), outcome.events(), (System.nanoTime() - started) / 1e9, outcome.fitSeconds());
        } catch (RuntimeException e) {
            LOG.errorf(e, "recompute %s failed", job.id());
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
