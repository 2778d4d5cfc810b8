package dev.rapport.customer.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.rapport.customer.application.port.in.importing.GetImportUseCase;
import dev.rapport.customer.application.port.in.importing.RunImportUseCase;
import dev.rapport.customer.application.port.out.importing.ImportJobRepository;
import dev.rapport.customer.application.port.out.importing.ImportSpool;
import dev.rapport.customer.domain.importing.ImportFormat;
import dev.rapport.customer.domain.importing.ImportJob;
import dev.rapport.customer.domain.importing.ImportJobId;
import dev.rapport.customer.domain.importing.ImportState;

/**
 * A restart in the middle of an import: the job row says running with a checkpoint, the spool is
 * there; the resume path continues after the checkpoint. Without the spool the job fails clearly.
 */
@QuarkusTest
class ImportResumeTest {

    private static final String HEADER = ImportApiTest.ONLINE_RETAIL_HEADER;
    private static final String FIRST = "R00001,85123A,HEART,6,2011-01-01 08:00:00,2.55,R100,United Kingdom\n";
    private static final String REST = "R00002,71053,LANTERN,6,2011-01-02 08:00:00,3.39,R100,United Kingdom\n"
            + "R00003,71053,LANTERN,1,2011-01-03 08:00:00,3.39,R200,France\n";

    @Inject
    ImportSpool spool;
    @Inject
    ImportJobRepository jobs;
    @Inject
    RunImportUseCase runImport;
    @Inject
    GetImportUseCase getImport;

    private ImportJob runningJob(ImportJobId id, long totalBytes, long offset, long line) {
        return ImportJob.restore(id, ImportFormat.ONLINE_RETAIL, null, totalBytes, Instant.now(), ImportState.RUNNING,
                offset, line, ImportJob.Counters.ZERO, Map.of(), List.of(), null, Instant.now(), null);
    }

    @Test
    void aRunningJobResumesAfterItsCheckpoint() {
        byte[] file = (HEADER + FIRST + REST).getBytes(StandardCharsets.UTF_8);
        ImportJobId id = ImportJobId.newId();
        spool.store(id, new ByteArrayInputStream(file), file.length);
        // As if the first invoice (line 2) had been committed before a crash: checkpoint = start of line 3.
        long checkpoint = (HEADER + FIRST).getBytes(StandardCharsets.UTF_8).length;
        QuarkusTransaction.requiringNew().run(() -> jobs.add(runningJob(id, file.length, checkpoint, 3)));
        assertThat(runImport.unfinished()).contains(id);

        runImport.run(id);

        ImportJob done = getImport.get(id.value());
        assertThat(done.state()).isEqualTo(ImportState.COMPLETED);
        assertThat(done.counters().rowsRead()).isEqualTo(2);
        assertThat(done.counters().purchasesCreated()).isEqualTo(2);
        assertThat(done.progressPercent()).isEqualTo(100.0);
        assertThat(spool.exists(id)).isFalse();
        String r100 = given().queryParam("externalId", "R100").when().get("/customers").then().extract().path("items[0].id");
        given().when().get("/customers/{id}/purchases/R00002", r100).then().statusCode(200);
        // Line 2 was before the checkpoint: not applied again.
        given().when().get("/customers/{id}/purchases/R00001", r100).then().statusCode(404);
    }

    @Test
    void aRunningJobWhoseSpoolIsGoneFailsWithAClearReason() {
        ImportJobId id = ImportJobId.newId();
        QuarkusTransaction.requiringNew().run(() -> jobs.add(runningJob(id, 1000, 500, 7)));

        runImport.run(id);

        given().when().get("/imports/{id}", id.toString()).then().statusCode(200)
                .body("state", equalTo("failed"))
                .body("failureReason", org.hamcrest.Matchers.containsString("uploaded file of this import is gone"))
                .body("failureReason", org.hamcrest.Matchers.containsString("line 7"));
    }
}
