package dev.rapport.customer.application.port.in.importing;

import java.util.UUID;

import dev.rapport.customer.domain.importing.ImportJob;

public interface GetImportUseCase {

    /** With the first skipped rows listed. @throws dev.rapport.customer.domain.importing.ImportNotFoundException */
    ImportJob get(UUID id);

    /**
     * Counters, per-reason counts and progress without the listed rows: what a progress display
     * polls, a few hundred bytes instead of up to 1,000 rows read and sent every time.
     * @throws dev.rapport.customer.domain.importing.ImportNotFoundException
     */
    ImportJob getProgress(UUID id);
}
