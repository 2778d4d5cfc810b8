package dev.rapport.customer.domain.importing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One bulk import: what was uploaded, how far it got and what it did. The checkpoint (byte offset
 * and line of the first row not yet applied) moves only together with the counters of the chunk it
 * closes, so after a crash the job resumes exactly where its last committed chunk ended.
 * Skipped rows are counted per reason; the first {@link #LISTED_SKIPS} are also kept individually.
 */
public final class ImportJob {

    /** A failure reason (an exception's message may be long) is cut to this many characters. */
    public static final int FAILURE_REASON_MAX = 2000;
    public static final int LISTED_SKIPS = 1000;

    private final ImportJobId id;
    private final ImportFormat format;
    private final ImportMapping mapping;
    private final long totalBytes;
    private final Instant createdAt;
    private ImportState state;
    private long checkpointOffset;
    private long checkpointLine;
    private Counters counters;
    private final TreeMap<String, Long> skipCounts;
    private final List<SkippedRow> listedSkips;
    private final List<SkippedRow> newSkips = new ArrayList<>();
    private String failureReason;
    private Instant startedAt;
    private Instant finishedAt;

    private ImportJob(ImportJobId id, ImportFormat format, ImportMapping mapping, long totalBytes, Instant createdAt,
                      ImportState state, long checkpointOffset, long checkpointLine, Counters counters,
                      Map<String, Long> skipCounts, List<SkippedRow> listedSkips, String failureReason,
                      Instant startedAt, Instant finishedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.format = Objects.requireNonNull(format, "format");
        this.mapping = mapping;
        this.totalBytes = totalBytes;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.state = Objects.requireNonNull(state, "state");
        this.checkpointOffset = checkpointOffset;
        this.checkpointLine = checkpointLine;
        this.counters = Objects.requireNonNull(counters, "counters");
        this.skipCounts = new TreeMap<>(skipCounts);
        this.listedSkips = new ArrayList<>(listedSkips);
        this.failureReason = failureReason;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        if (format.needsMapping() && mapping == null) {
            throw new IllegalArgumentException(format.wireName() + " needs a mapping");
        }
    }

    /** A new job waiting for the worker; line 1 is the header (CSV) or the first object (NDJSON). */
    public static ImportJob queue(ImportJobId id, ImportFormat format, ImportMapping mapping, long totalBytes,
                                  long firstOffset, long firstLine, Instant now) {
        return new ImportJob(id, format, mapping, totalBytes, now, ImportState.QUEUED, firstOffset, firstLine,
                Counters.ZERO, Map.of(), List.of(), null, null, null);
    }

    public static ImportJob restore(ImportJobId id, ImportFormat format, ImportMapping mapping, long totalBytes,
                                    Instant createdAt, ImportState state, long checkpointOffset, long checkpointLine,
                                    Counters counters, Map<String, Long> skipCounts, List<SkippedRow> listedSkips,
                                    String failureReason, Instant startedAt, Instant finishedAt) {
        return new ImportJob(id, format, mapping, totalBytes, createdAt, state, checkpointOffset, checkpointLine,
                counters, skipCounts, listedSkips, failureReason, startedAt, finishedAt);
    }

    public void start(Instant now) {
        if (state == ImportState.QUEUED) {
            state = ImportState.RUNNING;
            startedAt = now;
        } else if (state != ImportState.RUNNING) {
            throw new IllegalStateException("import " + id + " is " + state.wireName() + ", cannot start");
        }
    }

    /** Adds a committed chunk's effects and moves the checkpoint past it. */
    public void applyChunk(Counters chunk, List<SkippedRow> skipped, long nextOffset, long nextLine) {
        requireRunning();
        if (nextOffset < checkpointOffset) {
            throw new IllegalArgumentException("checkpoint cannot move backwards");
        }
        counters = counters.plus(chunk);
        for (SkippedRow row : skipped) {
            skipCounts.merge(row.reason(), 1L, Long::sum);
            if (listedSkips.size() < LISTED_SKIPS) {
                listedSkips.add(row);
                newSkips.add(row);
            }
        }
        checkpointOffset = nextOffset;
        checkpointLine = nextLine;
    }

    public void complete(Instant now) {
        requireRunning();
        state = ImportState.COMPLETED;
        checkpointOffset = totalBytes;
        finishedAt = now;
    }

    /** Final: the reason is shown to the client, cut to {@value #FAILURE_REASON_MAX} characters. */
    public void fail(String reason, Instant now) {
        if (state.isFinished()) {
            throw new IllegalStateException("import " + id + " is already " + state.wireName());
        }
        state = ImportState.FAILED;
        failureReason = reason != null && reason.length() > FAILURE_REASON_MAX
                ? reason.substring(0, FAILURE_REASON_MAX - 1) + "…" : reason;
        finishedAt = now;
    }

    /** Skipped rows listed since the last call, for the repository to append. */
    public List<SkippedRow> pullNewSkips() {
        List<SkippedRow> rows = List.copyOf(newSkips);
        newSkips.clear();
        return rows;
    }

    private void requireRunning() {
        if (state != ImportState.RUNNING) {
            throw new IllegalStateException("import " + id + " is " + state.wireName() + ", not running");
        }
    }

    /** Bytes applied / bytes uploaded, 0..100 with one decimal. */
    public double progressPercent() {
        if (state == ImportState.COMPLETED || totalBytes == 0) {
            return state == ImportState.COMPLETED ? 100.0 : 0.0;
        }
        return Math.floor(checkpointOffset * 1000.0 / totalBytes) / 10.0;
    }

    public long rowsSkipped() {
        return skipCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    public ImportJobId id() { return id; }
    public ImportFormat format() { return format; }
    public ImportMapping mapping() { return mapping; }
    public long totalBytes() { return totalBytes; }
    public Instant createdAt() { return createdAt; }
    public ImportState state() { return state; }
    public long checkpointOffset() { return checkpointOffset; }
    public long checkpointLine() { return checkpointLine; }
    public Counters counters() { return counters; }
    public Map<String, Long> skipCounts() { return Map.copyOf(skipCounts); }
    public List<SkippedRow> listedSkips() { return List.copyOf(listedSkips); }
    public String failureReason() { return failureReason; }
    public Instant startedAt() { return startedAt; }
    public Instant finishedAt() { return finishedAt; }

    /** What an import did; returns "unchanged" are repeats of an earlier run (idempotency). */
    public record Counters(long rowsRead, long customersCreated, long customersUpdated, long purchasesCreated,
                           long purchasesUnchanged, long returnsRecorded, long returnsUnchanged) {

        public static final Counters ZERO = new Counters(0, 0, 0, 0, 0, 0, 0);

        public Counters plus(Counters o) {
            return new Counters(rowsRead + o.rowsRead, customersCreated + o.customersCreated,
                    customersUpdated + o.customersUpdated, purchasesCreated + o.purchasesCreated,
                    purchasesUnchanged + o.purchasesUnchanged, returnsRecorded + o.returnsRecorded,
                    returnsUnchanged + o.returnsUnchanged);
        }
    }
}
