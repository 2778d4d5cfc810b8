package dev.rapport.customer.application.service.importing;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.customer.application.port.in.importing.GetImportUseCase;
import dev.rapport.customer.application.port.in.importing.ListImportsUseCase;
import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.customer.application.port.out.importing.ImportJobRepository;
import dev.rapport.customer.domain.importing.ImportJob;
import dev.rapport.customer.domain.importing.ImportJobId;
import dev.rapport.customer.domain.importing.ImportNotFoundException;

@ApplicationScoped
public class GetImportService implements GetImportUseCase, ListImportsUseCase {

    private final ImportJobRepository jobs;

    GetImportService(ImportJobRepository jobs) {
        this.jobs = jobs;
    }

    @Override
    @Transactional
    public ImportJob get(UUID id) {
        return jobs.findById(new ImportJobId(id)).orElseThrow(() -> new ImportNotFoundException(id.toString()));
    }

    @Override
    @Transactional
    public ImportJob getProgress(UUID id) {
        return jobs.findProgressById(new ImportJobId(id)).orElseThrow(() -> new ImportNotFoundException(id.toString()));
    }

    @Override
    @Transactional
    public Page<ImportJob> list(PageRequest page) {
        return jobs.list(page);
    }
}
