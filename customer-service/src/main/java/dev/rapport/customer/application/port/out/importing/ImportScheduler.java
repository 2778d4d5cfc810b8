package dev.rapport.customer.application.port.out.importing;

import dev.rapport.customer.domain.importing.ImportJobId;

/** Hands a queued job to the import worker (one dedicated thread, never a request thread). */
public interface ImportScheduler {

    void schedule(ImportJobId id);
}
