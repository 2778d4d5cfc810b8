package dev.rapport.loyalty.adapter.in.rest.reward;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.loyalty.domain.reward.Reward;

@Schema(name = "Reward")
public record RewardResponse(
        @Schema(format = "uuid", maxLength = 36) String id,
        @Schema(maxLength = 120, examples = "Coffee voucher") String name,
        @Schema(maxLength = 1000, nullable = true) String description,
        @Schema(minimum = "1", maximum = "10000000", examples = "300") long pointsCost,
        @Schema(minimum = "0", maximum = "100000000", nullable = true, examples = "50") Long stock,
        @Schema(nullable = true, format = "date-time", maxLength = 35) Instant validFrom,
        @Schema(nullable = true, format = "date-time", maxLength = 35) Instant validUntil,
        @Schema(maxLength = 40, nullable = true, examples = "Silver") String minimumTier,
        Instant createdAt,
        Instant updatedAt) {

    static RewardResponse of(Reward r) {
        return new RewardResponse(r.id().toString(), r.name(), r.description(), r.pointsCost(), r.stock(), r.validFrom(),
                r.validUntil(), r.minimumTier(), r.createdAt(), r.updatedAt());
    }

    @Schema(name = "RewardPage")
    public record PageResponse(@Schema(maxItems = 100) List<RewardResponse> items,
                               @Schema(maxLength = 200, nullable = true) String nextCursor) {
    }
}
