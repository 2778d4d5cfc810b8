package dev.rapport.customer.application.port.out.importing;

import java.util.List;
import java.util.Optional;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.customer.domain.importing.ImportJob;
import dev.rapport.customer.domain.importing.ImportJobId;

/** Where import jobs are kept. Writes join the caller's transaction. */
public interface ImportJobRepository {

    void add(ImportJob job);

    /** Stores state, counters and checkpoint, and appends the job's newly listed skipped rows. */
    void save(ImportJob job);

    /** With the listed skipped rows. */
    Optional<ImportJob> findById(ImportJobId id);

    /** Without the listed skipped rows (their per-reason counts are there). */
    Optional<ImportJob> findProgressById(ImportJobId id);

    /** Without the listed skipped rows; newest first. */
    Page<ImportJob> list(PageRequest page);

    List<ImportJobId> findUnfinished();
}
