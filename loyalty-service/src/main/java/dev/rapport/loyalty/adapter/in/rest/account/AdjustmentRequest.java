package dev.rapport.loyalty.adapter.in.rest.account;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AdjustmentRequest", description = "An agent's correction: positive credits, negative debits")
public record AdjustmentRequest(
        @Schema(minimum = "-1000000", maximum = "1000000", examples = "150", description = "Non-zero") Long points,
        @Schema(maxLength = 500, examples = "goodwill after a late delivery") String reason) {
}
