package dev.rapport.customer.application.port.in.importing;

import dev.rapport.kernel.paging.PageRequest;

import dev.rapport.kernel.paging.Page;

import dev.rapport.customer.domain.importing.ImportJob;

public interface ListImportsUseCase {

    /** Newest first by (createdAt, id); skipped rows are not listed (only counted). */
    Page<ImportJob> list(PageRequest page);
}
