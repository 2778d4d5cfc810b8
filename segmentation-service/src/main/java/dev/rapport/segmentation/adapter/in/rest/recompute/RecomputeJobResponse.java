package dev.rapport.segmentation.adapter.in.rest.recompute;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.kernel.WireNames;
import dev.rapport.segmentation.domain.recompute.RecomputeJob;

@Schema(name = "RecomputeJob")
public record RecomputeJobResponse(
        @Schema(format = "uuid", maxLength = 36) UUID id,
        @Schema(format = "date", maxLength = 10) LocalDate asOf,
        @Schema(maxLength = 16, enumeration = {"queued", "running", "succeeded", "failed"}) String status,
        @Schema(maxLength = 16, example = "scoring",
                enumeration = {"queued", "scoring", "fitting", "done", "failed"}) String phase,
        @Schema(minimum = "0", maximum = "100") int progress,
        @Schema(description = "n of the new run", minimum = "0", maximum = "2147483647", nullable = true)
        Integer customers,
        @Schema(description = "Error class when failed", maxLength = 200, nullable = true) String error,
        @Schema(format = "date-time", maxLength = 40) Instant requestedAt,
        @Schema(format = "date-time", maxLength = 40, nullable = true) Instant startedAt,
        @Schema(format = "date-time", maxLength = 40, nullable = true) Instant finishedAt) {

    public static RecomputeJobResponse of(RecomputeJob j) {
        return new RecomputeJobResponse(j.id(), j.asOf(), WireNames.of(j.status()), j.phase(), j.progress(),
                j.customers(), j.error(), j.requestedAt(), j.startedAt(), j.finishedAt());
    }
}
