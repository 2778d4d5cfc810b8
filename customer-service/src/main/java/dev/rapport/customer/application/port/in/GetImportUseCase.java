package dev.rapport.customer.application.port.in;

import java.util.UUID;

import dev.rapport.customer.domain.importing.ImportJob;

public interface GetImportUseCase {

    /** With the first skipped rows listed. @throws dev.rapport.customer.domain.importing.ImportNotFoundException */
    ImportJob get(UUID id);
}
