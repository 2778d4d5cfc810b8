package dev.rapport.customer.application.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.customer.application.port.in.RunImportUseCase;
import dev.rapport.customer.application.port.out.ImportJobRepository;
import dev.rapport.customer.application.port.out.ImportSpool;
import dev.rapport.customer.application.port.out.ImportSpool.SourceRecord;
import dev.rapport.customer.domain.importing.ImportFormat;
import dev.rapport.customer.domain.importing.ImportJob;
import dev.rapport.customer.domain.importing.ImportJobId;
import dev.rapport.customer.domain.importing.ImportState;
import dev.rapport.customer.domain.importing.SkipReason;
import dev.rapport.customer.domain.importing.SkippedRow;

/**
 * Runs an import on the worker thread: reads the spool from the job's checkpoint, cuts it into
 * chunks at order boundaries, and has {@link ImportChunkWriter} apply each chunk in its own
 * transaction together with the new checkpoint. A chunk that fails is retried once from the
 * stored job (its transaction rolled back, so nothing of it is stored); a second failure fails the
 * job with the reason. An interrupted run (shutdown) leaves the job running, to be resumed.
 */
@ApplicationScoped
public class RunImportService implements RunImportUseCase {

    private static final Logger LOG = Logger.getLogger(RunImportService.class.getName());

    private final ImportJobRepository jobs;
    private final ImportSpool spool;
    private final ImportChunkWriter writer;
    private final ImportSettings settings;
    private final Clock clock;

    RunImportService(ImportJobRepository jobs, ImportSpool spool, ImportChunkWriter writer, ImportSettings settings,
                     Clock clock) {
        this.jobs = jobs;
        this.spool = spool;
        this.writer = writer;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<ImportJobId> unfinished() {
        return jobs.findUnfinished();
    }

    @Override
    public void run(ImportJobId id) {
        Optional<ImportJob> found = load(id);
        if (found.isEmpty() || found.get().state().isFinished()) {
            return;
        }
        ImportJob job = found.get();
        if (!spool.exists(id)) {
            job.fail("The uploaded file of this import is gone (spool directory cleaned or another machine); "
                    + "nothing after line " + job.checkpointLine() + " was applied. Upload the file again: "
                    + "rows already applied are recognised and not duplicated.", Clocks.now(clock));
            writer.save(job);
            return;
        }
        if (job.state() == ImportState.RUNNING) {
            LOG.info(() -> "resuming import " + id + " at line " + job.checkpointLine());
        }
        job.start(Clocks.now(clock));
        writer.save(job);
        try {
            process(job);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "import " + id + " failed", e);
            ImportJob current = load(id).orElseThrow();
            if (!current.state().isFinished()) {
                current.fail("The import stopped at line " + current.checkpointLine() + ": " + e.getMessage(),
                        Clocks.now(clock));
                writer.save(current);
            }
        }
    }

    private Optional<ImportJob> load(ImportJobId id) {
        return writer.find(id);
    }

    private void process(ImportJob started) {
        ImportJob job = started;
        ImportSpool.Header header = spool.header(job.id(), job.format());
        Set<String> closedOrders = new HashSet<>();
        try (ImportSpool.RecordCursor cursor = spool.open(job.id(), job.format(), header.columns(),
                job.checkpointOffset(), job.checkpointLine())) {
            SourceRecord pending = cursor.next();
            while (pending != null) {
                if (Thread.currentThread().isInterrupted()) {
                    LOG.info("import " + job.id() + " interrupted at line " + job.checkpointLine() + "; resumes at next start");
                    return;
                }
                List<ImportRows.Item> items = new ArrayList<>();
                long rowsRead = 0;
                int orders = 0;
                String currentOrder = null;
                long nextOffset = job.checkpointOffset();
                long nextLine = job.checkpointLine();
                while (pending != null) {
                    ImportRows.Item item = map(job, pending);
                    String order = orderKey(job, pending);
                    boolean newOrder = order == null || !order.equals(currentOrder);
                    if (newOrder && orders >= settings.chunkSize()) {
                        break; // the chunk ends at an order boundary; this record starts the next one
                    }
                    if (newOrder) {
                        if (currentOrder != null) {
                            closedOrders.add(currentOrder);
                        }
                        orders++;
                        currentOrder = order;
                    }
                    if (order != null && closedOrders.contains(order) && item instanceof ImportRows.Row) {
                        item = new ImportRows.Skip(new SkippedRow(item.line(), SkipReason.INVOICE_NOT_CONTIGUOUS,
                                "rows of order " + order + " appeared earlier in the file, separated from this one; "
                                        + "an order's rows must be consecutive (this row was not applied)"));
                    }
                    items.add(item);
                    rowsRead++;
                    nextOffset = pending.endOffset();
                    nextLine = pending.nextLine();
                    pending = cursor.next();
                }
                if (currentOrder != null) {
                    closedOrders.add(currentOrder);
                }
                job = applyWithRetry(job, new ImportChunkWriter.Chunk(items, rowsRead, nextOffset, nextLine));
            }
        }
        job.complete(Clocks.now(clock));
        writer.save(job);
        spool.delete(job.id());
    }

    private ImportJob applyWithRetry(ImportJob job, ImportChunkWriter.Chunk chunk) {
        try {
            writer.apply(job, chunk);
            return job;
        } catch (RuntimeException first) {
            LOG.log(Level.WARNING, "chunk of import " + job.id() + " at line " + job.checkpointLine()
                    + " failed, retrying once", first);
            // The transaction rolled back: start again from what is stored.
            ImportJob stored = load(job.id()).orElseThrow();
            writer.apply(stored, chunk);
            return stored;
        }
    }

    private static ImportRows.Item map(ImportJob job, SourceRecord record) {
        return job.format() == ImportFormat.ONLINE_RETAIL ? OnlineRetailRows.map(record)
                : MappedRows.map(record, job.mapping());
    }

    /** The order a record belongs to as written in the file, also for rows that will be skipped. */
    private static String orderKey(ImportJob job, SourceRecord record) {
        if (!record.readable()) {
            return null;
        }
        String column = job.format() == ImportFormat.ONLINE_RETAIL ? "InvoiceNo"
                : job.mapping().hasPurchases() ? job.mapping().source("orderId") : null;
        String value = column == null ? null : record.fields().get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
