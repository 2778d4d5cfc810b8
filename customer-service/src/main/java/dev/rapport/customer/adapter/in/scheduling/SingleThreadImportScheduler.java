package dev.rapport.customer.adapter.in.scheduling;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import dev.rapport.customer.application.port.in.importing.RunImportUseCase;
import dev.rapport.customer.application.port.out.importing.ImportScheduler;
import dev.rapport.customer.domain.importing.ImportJobId;

/**
 * The import worker: ONE dedicated thread (not the event loop, not the request worker pool), so
 * imports run one after another and at most one database connection is busy with them, whatever
 * is uploaded. At start-up every queued or running job is handed to it again (resume). On
 * shutdown the thread is interrupted; the running job stops between chunks and stays running.
 */
@ApplicationScoped
public class SingleThreadImportScheduler implements ImportScheduler {

    private static final Logger LOG = Logger.getLogger(SingleThreadImportScheduler.class);

    private final RunImportUseCase runImport;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("rapport-import").daemon(true).factory());

    SingleThreadImportScheduler(RunImportUseCase runImport) {
        this.runImport = runImport;
    }

    void resumeUnfinished(@Observes StartupEvent started) {
        for (ImportJobId id : runImport.unfinished()) {
            LOG.infof("import %s was not finished before the last stop; scheduling it again", id);
            schedule(id);
        }
    }

    @Override
    public void schedule(ImportJobId id) {
        worker.execute(() -> {
            try {
                runImport.run(id);
            } catch (RuntimeException e) {
                LOG.errorf(e, "import %s could not be run", id);
            }
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
