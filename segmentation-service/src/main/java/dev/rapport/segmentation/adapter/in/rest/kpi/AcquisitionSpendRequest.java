package dev.rapport.segmentation.adapter.in.rest.kpi;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

@Schema(name = "AcquisitionSpendRequest")
public record AcquisitionSpendRequest(
        @Schema(description = "Decimal string, at most 2 decimals", maxLength = 16, pattern = "^[0-9]{1,12}(\\.[0-9]{1,2})?$",
                example = "2500.00", required = true) @JsonProperty("amount") String amount,
        @Schema(description = "The business currency", maxLength = 3, minLength = 3, example = "GBP", required = true)
        @JsonProperty("currency") String currency) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public AcquisitionSpendRequest {
    }
}
