package dev.rapport.customer.adapter.out.persistence.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.panache.common.Parameters;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageCursor;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.customer.application.port.out.importing.ImportJobRepository;
import dev.rapport.customer.domain.importing.ImportFormat;
import dev.rapport.customer.domain.importing.ImportJob;
import dev.rapport.customer.domain.importing.ImportJobId;
import dev.rapport.customer.domain.importing.ImportMapping;
import dev.rapport.customer.domain.importing.ImportState;
import dev.rapport.customer.domain.importing.SkippedRow;

/** Import jobs in PostgreSQL; the listed skipped rows are a child table, appended chunk by chunk. */
@ApplicationScoped
public class PostgresImportJobRepository implements ImportJobRepository {

    private static final String UPDATE = """
            UPDATE import_job SET state = ?, checkpoint_offset = ?, checkpoint_line = ?, rows_read = ?,
                customers_created = ?, customers_updated = ?, purchases_created = ?, purchases_unchanged = ?,
                returns_recorded = ?, returns_unchanged = ?, skip_counts = ?::jsonb, failure_reason = ?,
                started_at = ?, finished_at = ?
            WHERE id = ?""";
    private static final String INSERT_SKIP = "INSERT INTO import_skipped_row (job_id, line, reason, detail) VALUES (?, ?, ?, ?)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgroalDataSource dataSource;

    PostgresImportJobRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void add(ImportJob job) {
        ImportJobEntity row = new ImportJobEntity();
        row.id = job.id().value();
        copy(job, row);
        row.persist();
        appendSkips(job);
    }

    /**
     * One UPDATE in plain JDBC on the transaction's connection: saved once per import chunk, where
     * loading the entity first, mapping its JSON columns both ways and dirty-checking it cost a
     * SELECT and ~2.5 ms of CPU per chunk. What never changes after {@link #add} (format, mapping,
     * size, creation) is not written; a job loaded into this transaction's session is never saved
     * here (the worker reads and saves in separate transactions).
     */
    @Override
    public void save(ImportJob job) {
        ImportJob.Counters c = job.counters();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(UPDATE)) {
            update.setString(1, job.state().wireName());
            update.setLong(2, job.checkpointOffset());
            update.setLong(3, job.checkpointLine());
            update.setLong(4, c.rowsRead());
            update.setLong(5, c.customersCreated());
            update.setLong(6, c.customersUpdated());
            update.setLong(7, c.purchasesCreated());
            update.setLong(8, c.purchasesUnchanged());
            update.setLong(9, c.returnsRecorded());
            update.setLong(10, c.returnsUnchanged());
            update.setString(11, JSON.writeValueAsString(job.skipCounts()));
            update.setString(12, job.failureReason());
            update.setObject(13, offsetDateTime(job.startedAt()));
            update.setObject(14, offsetDateTime(job.finishedAt()));
            update.setObject(15, job.id().value());
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("import " + job.id() + " is not stored");
            }
            List<SkippedRow> skips = job.pullNewSkips();
            if (!skips.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement(INSERT_SKIP)) {
                    for (SkippedRow skipped : skips) {
                        insert.setObject(1, job.id().value());
                        insert.setLong(2, skipped.line());
                        insert.setString(3, skipped.reason());
                        insert.setString(4, skipped.detail());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("saving import " + job.id() + " failed: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime offsetDateTime(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static void appendSkips(ImportJob job) {
        for (SkippedRow skipped : job.pullNewSkips()) {
            ImportSkippedRowEntity row = new ImportSkippedRowEntity();
            row.jobId = job.id().value();
            row.line = skipped.line();
            row.reason = skipped.reason();
            row.detail = skipped.detail();
            row.persist();
        }
    }

    private static void copy(ImportJob job, ImportJobEntity row) {
        row.format = job.format().wireName();
        row.mapping = job.mapping() == null ? null : new HashMap<>(job.mapping().targetToSource());
        row.state = job.state().wireName();
        row.totalBytes = job.totalBytes();
        row.checkpointOffset = job.checkpointOffset();
        row.checkpointLine = job.checkpointLine();
        ImportJob.Counters c = job.counters();
        row.rowsRead = c.rowsRead();
        row.customersCreated = c.customersCreated();
        row.customersUpdated = c.customersUpdated();
        row.purchasesCreated = c.purchasesCreated();
        row.purchasesUnchanged = c.purchasesUnchanged();
        row.returnsRecorded = c.returnsRecorded();
        row.returnsUnchanged = c.returnsUnchanged();
        row.skipCounts = new HashMap<>(job.skipCounts());
        row.failureReason = job.failureReason();
        row.createdAt = job.createdAt();
        row.startedAt = job.startedAt();
        row.finishedAt = job.finishedAt();
    }

    @Override
    public Optional<ImportJob> findById(ImportJobId id) {
        return ImportJobEntity.<ImportJobEntity>findByIdOptional(id.value()).map(row -> toDomain(row,
                ImportSkippedRowEntity.<ImportSkippedRowEntity>find("jobId = ?1 order by line", id.value()).list()
                        .stream().map(s -> new SkippedRow(s.line, s.reason, s.detail)).toList()));
    }

    @Override
    public Optional<ImportJob> findProgressById(ImportJobId id) {
        return ImportJobEntity.<ImportJobEntity>findByIdOptional(id.value()).map(row -> toDomain(row, List.of()));
    }

    @Override
    public Page<ImportJob> list(PageRequest page) {
        Parameters params = new Parameters();
        String query = "1 = 1";
        if (page.after() != null) {
            query = "(createdAt < :afterTime or (createdAt = :afterTime and id < :afterId))";
            params.and("afterTime", page.after().position()).and("afterId", page.after().id());
        }
        List<ImportJobEntity> rows = ImportJobEntity.<ImportJobEntity>find(query + " order by createdAt desc, id desc", params)
                .range(0, page.limit())
                .list();
        boolean more = rows.size() > page.limit();
        List<ImportJobEntity> pageRows = more ? rows.subList(0, page.limit()) : rows;
        PageCursor next = more ? new PageCursor(pageRows.getLast().createdAt, pageRows.getLast().id) : null;
        return new Page<>(pageRows.stream().map(r -> toDomain(r, List.of())).toList(), next);
    }

    @Override
    public List<ImportJobId> findUnfinished() {
        return ImportJobEntity.<ImportJobEntity>find("state in ?1 order by createdAt, id",
                        List.of(ImportState.QUEUED.wireName(), ImportState.RUNNING.wireName()))
                .list().stream().map(r -> new ImportJobId(r.id)).toList();
    }

    private static ImportJob toDomain(ImportJobEntity row, List<SkippedRow> listed) {
        return ImportJob.restore(new ImportJobId(row.id), ImportFormat.fromWireName(row.format),
                row.mapping == null ? null : new ImportMapping(row.mapping), row.totalBytes, row.createdAt,
                ImportState.fromWireName(row.state), row.checkpointOffset, row.checkpointLine,
                new ImportJob.Counters(row.rowsRead, row.customersCreated, row.customersUpdated, row.purchasesCreated,
                        row.purchasesUnchanged, row.returnsRecorded, row.returnsUnchanged),
                row.skipCounts == null ? java.util.Map.of() : row.skipCounts, listed, row.failureReason,
                row.startedAt, row.finishedAt);
    }
}
