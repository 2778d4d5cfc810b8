package dev.rapport.segmentation.adapter.out.persistence.recompute;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.kernel.WireNames;
import dev.rapport.segmentation.adapter.out.persistence.Jdbc;
import dev.rapport.segmentation.adapter.out.persistence.Parameters;
import dev.rapport.segmentation.application.port.out.recompute.RecomputeJobRepository;
import dev.rapport.segmentation.domain.recompute.JobStatus;
import dev.rapport.segmentation.domain.recompute.RecomputeJob;

@ApplicationScoped
public class PostgresRecomputeJobRepository implements RecomputeJobRepository {

    private static final String COLUMNS = "job_id, as_of, status, phase, progress, customers, run_id, error, "
            + "requested_at, started_at, finished_at";

    private final Jdbc jdbc;

    public PostgresRecomputeJobRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(RecomputeJob job) {
        jdbc.update("INSERT INTO seg_job (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s -> bind(s, job));
    }

    @Override
    public Optional<RecomputeJob> find(UUID id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM seg_job WHERE job_id = ?", s -> s.setObject(1, id),
                PostgresRecomputeJobRepository::job);
    }

    @Override
    public Optional<RecomputeJob> nextToRun() {
        return jdbc.one("SELECT " + COLUMNS + " FROM seg_job WHERE status IN ('queued', 'running') "
                + "ORDER BY requested_at, job_id LIMIT 1", s -> { }, PostgresRecomputeJobRepository::job);
    }

    /** A key of its own: queueing must not wait for a running recompute's lock. */
    private static final long QUEUE_LOCK = Jdbc.RECOMPUTE_LOCK + 1;

    @Override
    public void lockQueue() {
        jdbc.one("SELECT pg_advisory_xact_lock(?)", s -> s.setLong(1, QUEUE_LOCK), r -> 1);
    }

    @Override
    public boolean openFrom(LocalDate asOf) {
        return jdbc.one("SELECT EXISTS (SELECT 1 FROM seg_job WHERE status IN ('queued', 'running') AND as_of >= ?)",
                s -> s.setObject(1, asOf), r -> r.getBoolean(1)).orElse(false);
    }

    @Override
    public void update(RecomputeJob job) {
        jdbc.update("""
                UPDATE seg_job SET as_of = ?, status = ?, phase = ?, progress = ?, customers = ?, run_id = ?, error = ?,
                  requested_at = ?, started_at = ?, finished_at = ? WHERE job_id = ?
                """, s -> {
            s.setObject(1, job.asOf());
            s.setString(2, WireNames.of(job.status()));
            s.setString(3, job.phase());
            s.setInt(4, job.progress());
            s.setObject(5, job.customers());
            s.setObject(6, job.runId());
            s.setString(7, job.error());
            s.setTimestamp(8, Jdbc.timestamp(job.requestedAt()));
            s.setTimestamp(9, Jdbc.timestamp(job.startedAt()));
            s.setTimestamp(10, Jdbc.timestamp(job.finishedAt()));
            s.setObject(11, job.id());
        });
    }

    private static void bind(Parameters s, RecomputeJob job) throws SQLException {
        s.setObject(1, job.id());
        s.setObject(2, job.asOf());
        s.setString(3, WireNames.of(job.status()));
        s.setString(4, job.phase());
        s.setInt(5, job.progress());
        s.setObject(6, job.customers());
        s.setObject(7, job.runId());
        s.setString(8, job.error());
        s.setTimestamp(9, Jdbc.timestamp(job.requestedAt()));
        s.setTimestamp(10, Jdbc.timestamp(job.startedAt()));
        s.setTimestamp(11, Jdbc.timestamp(job.finishedAt()));
    }

    private static RecomputeJob job(ResultSet r) throws SQLException {
        return new RecomputeJob(r.getObject("job_id", UUID.class), r.getObject("as_of", LocalDate.class),
                WireNames.parse(JobStatus.class, r.getString("status")), r.getString("phase"), r.getInt("progress"),
                (Integer) r.getObject("customers"), (Long) r.getObject("run_id"), r.getString("error"),
                Jdbc.instant(r, "requested_at"), Jdbc.instant(r, "started_at"), Jdbc.instant(r, "finished_at"));
    }
}
