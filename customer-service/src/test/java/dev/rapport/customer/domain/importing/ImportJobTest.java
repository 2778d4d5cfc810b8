package dev.rapport.customer.domain.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ImportJobTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    private static ImportJob queued() {
        return ImportJob.queue(ImportJobId.newId(), ImportFormat.ONLINE_RETAIL, null, 100, 0, 1, NOW);
    }

    @Test
    void aShortFailureReasonIsKeptAsItIs() {
        ImportJob job = queued();

        job.fail("The uploaded file of this import is gone", NOW);

        assertThat(job.state()).isEqualTo(ImportState.FAILED);
        assertThat(job.failureReason()).isEqualTo("The uploaded file of this import is gone");
    }

    @Test
    void aLongFailureReasonIsCutToTheDocumentedLength() {
        ImportJob job = queued();

        job.fail("x".repeat(ImportJob.FAILURE_REASON_MAX + 500), NOW);

        assertThat(job.failureReason()).hasSize(ImportJob.FAILURE_REASON_MAX).endsWith("…");
    }
}
