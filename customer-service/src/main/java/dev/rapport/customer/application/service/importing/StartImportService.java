package dev.rapport.customer.application.service.importing;

import dev.rapport.customer.application.service.Clocks;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.customer.application.port.in.importing.StartImportCommand;
import dev.rapport.customer.application.port.in.importing.StartImportUseCase;
import dev.rapport.customer.application.port.out.importing.ImportJobRepository;
import dev.rapport.customer.application.port.out.importing.ImportScheduler;
import dev.rapport.customer.application.port.out.importing.ImportSpool;
import dev.rapport.customer.domain.importing.ImportFormat;
import dev.rapport.customer.domain.importing.ImportJob;
import dev.rapport.customer.domain.importing.ImportJobId;
import dev.rapport.customer.domain.importing.ImportMapping;
import dev.rapport.kernel.FieldViolation;
import dev.rapport.kernel.InvalidInputException;

/**
 * Accepts an upload: format and mapping are checked first, the body is streamed to the spool
 * (never held in memory, decompressed on the way when gzip), then the header is checked against
 * the mapping, so a wrong mapping is a 400 before any row is applied. No transaction is open while
 * the body arrives (it may take minutes); only the job row is written in one.
 */
@ApplicationScoped
public class StartImportService implements StartImportUseCase {

    private final ImportSpool spool;
    private final ImportJobRepository jobs;
    private final ImportScheduler scheduler;
    private final ImportSettings settings;
    private final Clock clock;

    StartImportService(ImportSpool spool, ImportJobRepository jobs, ImportScheduler scheduler, ImportSettings settings,
                       Clock clock) {
        this.spool = spool;
        this.jobs = jobs;
        this.scheduler = scheduler;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public ImportJob start(StartImportCommand command) {
        ImportFormat format = ImportFormat.fromWireName(command.format() == null ? null : command.format().strip());
        ImportMapping mapping = null;
        if (format.needsMapping()) {
            mapping = new ImportMapping(command.mapping());
        } else if (command.mapping() != null) {
            throw InvalidInputException.of("mapping", "must not be given: " + format.wireName() + " has a built-in mapping");
        }
        ImportJobId id = ImportJobId.newId();
        boolean queued = false;
        try {
            long bytes = spool.store(id, clientBody(command), settings.maxBytes());
            if (bytes == 0) {
                throw InvalidInputException.of("body", "is empty");
            }
            ImportSpool.Header header = spool.header(id, format);
            checkHeader(format, mapping, header);
            ImportJob job = ImportJob.queue(id, format, mapping, bytes, header.endOffset(), header.nextLine(),
                    Clocks.now(clock));
            add(job);
            queued = true;
            scheduler.schedule(id);
            return job;
        } finally {
            if (!queued) {
                spool.delete(id);
            }
        }
    }

    @Transactional
    void add(ImportJob job) {
        jobs.add(job);
    }

    private static void checkHeader(ImportFormat format, ImportMapping mapping, ImportSpool.Header header) {
        if (header.error() != null) {
            throw InvalidInputException.of("body", header.error());
        }
        if (format == ImportFormat.ONLINE_RETAIL) {
            if (!header.columns().equals(OnlineRetailRows.HEADER)) {
                throw InvalidInputException.of("body", "the header must be " + String.join(",", OnlineRetailRows.HEADER)
                        + " for format online-retail, got " + String.join(",", header.columns()));
            }
            return;
        }
        if (format == ImportFormat.CSV) {
            List<FieldViolation> missing = new ArrayList<>();
            mapping.targetToSource().forEach((target, source) -> {
                if (!header.columns().contains(source)) {
                    missing.add(new FieldViolation("mapping." + target, "column '" + source
                            + "' is not in the header (" + String.join(",", header.columns()) + ")"));
                }
            });
            if (!missing.isEmpty()) {
                throw new InvalidInputException(missing);
            }
        }
    }

    /** Reading the client's body can fail (broken gzip, client gone): that is the client's problem, a 400. */
    private static InputStream clientBody(StartImportCommand command) {
        InputStream raw = command.body();
        if (raw == null) {
            throw InvalidInputException.of("body", "is empty");
        }
        return new FilterInputStream(raw) {
            private InputStream decoded;

            private InputStream source() throws IOException {
                if (decoded == null) {
                    decoded = command.gzip() ? new GZIPInputStream(raw, 64 * 1024) : raw;
                }
                return decoded;
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                try {
                    return source().read(b, off, len);
                } catch (java.io.EOFException e) {
                    throw InvalidInputException.of("body", "ended early (truncated gzip or upload)");
                } catch (IOException e) {
                    throw InvalidInputException.of("body", "could not be read"
                            + (command.gzip() ? " as gzip" : "") + ": " + e.getMessage());
                }
            }
        };
    }
}
