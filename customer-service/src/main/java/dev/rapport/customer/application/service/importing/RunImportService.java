package dev.rapport.customer.application.service.importing;

import dev.rapport.customer.application.service.Clocks;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.customer.application.port.in.importing.RunImportUseCase;
import dev.rapport.customer.application.port.out.importing.ImportJobRepository;
import dev.rapport.customer.application.port.out.importing.ImportSpool;
import dev.rapport.customer.domain.importing.ImportJob;
import dev.rapport.customer.domain.importing.ImportJobId;
import dev.rapport.customer.domain.importing.ImportState;

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
        // Checkpoints are unchanged by an interrupt: each chunk stores where the next one starts.
        try (ImportSpool.RecordCursor cursor = spool.open(job.id(), job.format(), header.columns(),
                job.checkpointOffset(), job.checkpointLine())) {
            ImportChunkReader reader = new ImportChunkReader(job, cursor, settings.chunkSize());
            while (true) {
                ImportChunkWriter.Chunk chunk = reader.next();
                if (Thread.currentThread().isInterrupted()) {
                    LOG.info("import " + job.id() + " interrupted at line " + job.checkpointLine() + "; resumes at next start");
                    return;
                }
                if (chunk == null) {
                    break;
                }
                job = applyWithRetry(job, chunk);
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
}
