package dev.rapport.customer.adapter.in.rest.importing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.rapport.customer.domain.importing.ImportJob;
import dev.rapport.customer.domain.importing.SkippedRow;

@Schema(name = "ImportJob", description = "A bulk import: state, progress and what it did")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportJobResponse(
        UUID id,
        @Schema(enumeration = { "online-retail", "csv", "ndjson" }) String format,
        @Schema(enumeration = { "queued", "running", "completed", "failed" }) String state,
        @Schema(description = "Bytes applied / bytes uploaded (uncompressed), 0 to 100") double progressPercent,
        long bytesTotal,
        long bytesProcessed,
        long rowsRead,
        long customersCreated,
        long customersUpdated,
        long purchasesCreated,
        @Schema(description = "Orders already recorded with the same lines (a re-run): nothing written, no event")
        long purchasesUnchanged,
        long returnsRecorded,
        long returnsUnchanged,
        long rowsSkipped,
        @Schema(description = "Skipped rows per reason, for all rows") Map<String, Long> skipCounts,
        @Schema(description = "The first 1,000 skipped rows (GET /imports/{id} only)") List<Skipped> skippedRows,
        Map<String, String> mapping,
        String failureReason,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    public record Skipped(@Schema(description = "Line in the file where the row starts; the CSV header is line 1")
                          long line, String reason, String detail) {
    }

    static ImportJobResponse of(ImportJob job, boolean withSkippedRows) {
        ImportJob.Counters c = job.counters();
        List<Skipped> skipped = withSkippedRows
                ? job.listedSkips().stream().map(ImportJobResponse::skipped).toList() : null;
        return new ImportJobResponse(job.id().value(), job.format().wireName(), job.state().wireName(),
                job.progressPercent(), job.totalBytes(), job.checkpointOffset(), c.rowsRead(), c.customersCreated(),
                c.customersUpdated(), c.purchasesCreated(), c.purchasesUnchanged(), c.returnsRecorded(),
                c.returnsUnchanged(), job.rowsSkipped(), new TreeMap<>(job.skipCounts()), skipped,
                job.mapping() == null ? null : job.mapping().targetToSource(), job.failureReason(), job.createdAt(),
                job.startedAt(), job.finishedAt());
    }

    private static Skipped skipped(SkippedRow row) {
        return new Skipped(row.line(), row.reason(), row.detail());
    }

    public record PageResponse(List<ImportJobResponse> items, String nextCursor) {
    }
}
