package dev.rapport.customer.adapter.in.rest.importing;

import dev.rapport.customer.adapter.in.rest.Paging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.rapport.customer.domain.importing.ImportJob;
import dev.rapport.customer.domain.importing.SkippedRow;
import dev.rapport.http.Cursors;

@Schema(name = "ImportJob", description = "A bulk import: state, progress and what it did")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportJobResponse(
        UUID id,
        @Schema(enumeration = { "online-retail", "csv", "ndjson" }) String format,
        @Schema(enumeration = { "queued", "running", "completed", "failed" }) String state,
        @Schema(description = "Bytes applied / bytes uploaded (uncompressed), 0 to 100", minimum = "0", maximum = "100") double progressPercent,
        @Schema(minimum = "0", maximum = COUNT_MAX) long bytesTotal,
        @Schema(minimum = "0", maximum = COUNT_MAX) long bytesProcessed,
        @Schema(minimum = "0", maximum = COUNT_MAX) long rowsRead,
        @Schema(minimum = "0", maximum = COUNT_MAX) long customersCreated,
        @Schema(minimum = "0", maximum = COUNT_MAX) long customersUpdated,
        @Schema(minimum = "0", maximum = COUNT_MAX) long purchasesCreated,
        @Schema(description = "Orders already recorded with the same lines (a re-run): nothing written, no event",
                minimum = "0", maximum = COUNT_MAX)
        long purchasesUnchanged,
        @Schema(minimum = "0", maximum = COUNT_MAX) long returnsRecorded,
        @Schema(minimum = "0", maximum = COUNT_MAX) long returnsUnchanged,
        @Schema(minimum = "0", maximum = COUNT_MAX) long rowsSkipped,
        @Schema(description = "Skipped rows per reason, for all rows")
        Map<String, Long> skipCounts,
        @Schema(description = "The first 1,000 skipped rows (GET /imports/{id} only)", maxItems = ImportJob.LISTED_SKIPS)
        List<Skipped> skippedRows,
        @Schema(description = "Target field to source column") Map<String, String> mapping,
        @Schema(maxLength = ImportJob.FAILURE_REASON_MAX) String failureReason,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    /** The column a skip reason code is stored in holds 40 characters. */
    static final int SKIP_REASON_MAX = 40;
    /** Counters and byte offsets are bigint columns (Long.MAX_VALUE). */
    static final String COUNT_MAX = "9223372036854775807";

    public record Skipped(@Schema(description = "Line in the file where the row starts; the CSV header is line 1",
                                  minimum = "1", maximum = COUNT_MAX) long line,
                          @Schema(description = "A stable code, as in skipCounts", maxLength = SKIP_REASON_MAX) String reason,
                          @Schema(maxLength = SkippedRow.DETAIL_MAX) String detail) {
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

    public record PageResponse(@Schema(maxItems = Paging.MAX_PAGE_SIZE) List<ImportJobResponse> items,
                               @Schema(description = "Pass as cursor to get the next page; null on the last page",
                                       nullable = true, maxLength = Cursors.MAX_LENGTH) String nextCursor) {
    }
}
