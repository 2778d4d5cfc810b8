package dev.rapport.loyalty.adapter.in.rest.account;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RedemptionRequest", description = "Points to spend, or a catalogue reward (its cost is spent)")
public record RedemptionRequest(
        @Schema(minimum = "1", maximum = "10000000", nullable = true, examples = "500") Long points,
        @Schema(format = "uuid", maxLength = 36, nullable = true) String rewardId,
        @Schema(maxLength = 500, nullable = true, examples = "voucher at checkout") String reason) {
}
