package dev.rapport.loyalty.adapter.in.rest.reward;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RewardRequest", description = "A reward of the catalogue (create or replace)")
public record RewardRequest(
        @Schema(maxLength = 120, examples = "Coffee voucher") String name,
        @Schema(maxLength = 1000, nullable = true, examples = "One hot drink of any size") String description,
        @Schema(minimum = "1", maximum = "10000000", examples = "300") Long pointsCost,
        @Schema(minimum = "0", maximum = "100000000", nullable = true, description = "Items left; null for unlimited", examples = "50") Long stock,
        @Schema(nullable = true, format = "date-time", maxLength = 35) Instant validFrom,
        @Schema(nullable = true, format = "date-time", maxLength = 35) Instant validUntil,
        @Schema(maxLength = 40, nullable = true, description = "Lowest tier that may redeem it", examples = "Silver") String minimumTier) {
}
