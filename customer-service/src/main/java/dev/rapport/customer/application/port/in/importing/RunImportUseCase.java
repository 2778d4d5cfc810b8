package dev.rapport.customer.application.port.in.importing;

import java.util.List;

import dev.rapport.customer.domain.importing.ImportJobId;

/** What the import worker calls: runs (or resumes) one job to its end. */
public interface RunImportUseCase {

    /** Runs a queued job or resumes a running one from its checkpoint; returns when it is finished or interrupted. */
    void run(ImportJobId id);

    /** Jobs queued or running, oldest first: what the worker picks up after a restart. */
    List<ImportJobId> unfinished();
}
