package dev.rapport.segmentation.adapter.in.rest.recompute;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

@Schema(name = "RecomputeRequest")
public record RecomputeRequest(
        @Schema(description = "Purchases before the start of this date count; default today in the business zone; "
                + "at most tomorrow", format = "date", minLength = 10, maxLength = 10, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2011-12-10", nullable = true)
        @JsonProperty("asOf") String asOf) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public RecomputeRequest {
    }
}
