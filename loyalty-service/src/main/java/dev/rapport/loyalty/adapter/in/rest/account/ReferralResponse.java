package dev.rapport.loyalty.adapter.in.rest.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.loyalty.domain.referral.Referral;

@Schema(name = "Referral")
public record ReferralResponse(
        @Schema(format = "uuid", maxLength = 36) String id,
        @Schema(enumeration = {"advocate", "referee"}, maxLength = 10, description = "This customer's role", examples = "advocate") String role,
        @Schema(format = "uuid", maxLength = 36, nullable = true) String advocateId,
        @Schema(format = "uuid", maxLength = 36) String refereeId,
        @Schema(maxLength = 40, examples = "7KQ4M9XW2HRT") String code,
        @Schema(enumeration = {"pending", "completed", "rejected"}, maxLength = 10, examples = "pending") String status,
        @Schema(enumeration = {"unknown-code", "self-referral", "already-referred", "usage-limit-reached", "code-expired"},
                maxLength = 30, nullable = true) String rejectionReason,
        Instant createdAt,
        @Schema(nullable = true, format = "date-time", maxLength = 35) Instant completedAt) {

    static ReferralResponse of(Referral r, UUID viewer) {
        return new ReferralResponse(r.id().toString(), viewer.equals(r.refereeId()) ? "referee" : "advocate",
                r.advocateId() == null ? null : r.advocateId().toString(), r.refereeId().toString(), r.code(),
                r.status().name().toLowerCase(), r.rejectionReason() == null ? null : r.rejectionReason().wireName(),
                r.createdAt(), r.completedAt());
    }

    @Schema(name = "ReferralPage")
    public record PageResponse(@Schema(maxItems = 100) List<ReferralResponse> items,
                               @Schema(maxLength = 200, nullable = true) String nextCursor) {
    }
}
