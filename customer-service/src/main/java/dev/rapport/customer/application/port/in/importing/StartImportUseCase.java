package dev.rapport.customer.application.port.in.importing;

import dev.rapport.customer.domain.importing.ImportJob;

public interface StartImportUseCase {

    /**
     * Spools the body, checks the mapping against the header and queues the job for the import worker.
     *
     * @throws dev.rapport.kernel.InvalidInputException bad format, mapping, header or an empty body
     * @throws dev.rapport.customer.domain.importing.ImportTooLargeException body above the configured maximum
     */
    ImportJob start(StartImportCommand command);
}
