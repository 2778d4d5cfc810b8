package dev.rapport.loyalty.adapter.in.rest.account;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.loyalty.domain.account.Redemption;

@Schema(name = "Redemption")
public record RedemptionResponse(
        @Schema(format = "uuid", maxLength = 36) String entryId,
        @Schema(format = "uuid", maxLength = 36) String customerId,
        @Schema(minimum = "1", maximum = "10000000", examples = "500") long points,
        @Schema(format = "uuid", maxLength = 36, nullable = true) String rewardId,
        @Schema(maxLength = 500, examples = "voucher at checkout") String reason,
        @Schema(description = "Ledger balance after it", minimum = "-100000000000", maximum = "100000000000", examples = "750") long balance,
        @Schema(description = "Available after it", minimum = "-100000000000", maximum = "100000000000", examples = "500") long available,
        Instant redeemedAt) {

    static RedemptionResponse of(Redemption r) {
        return new RedemptionResponse(r.entryId().toString(), r.customerId().toString(), r.points(),
                r.rewardId() == null ? null : r.rewardId().toString(), r.reason(), r.balance(), r.available(),
                r.redeemedAt());
    }
}
