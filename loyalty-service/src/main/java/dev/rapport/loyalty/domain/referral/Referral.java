package dev.rapport.loyalty.domain.referral;

import java.time.Instant;
import java.util.UUID;

/** A referee registered with an advocate's code: pending until the referee's first purchase, or rejected. */
public record Referral(UUID id, UUID refereeId, UUID advocateId, String code, ReferralStatus status,
                       RejectionReason rejectionReason, Instant createdAt, Instant completedAt) {

    public Referral completed(Instant at) {
        return new Referral(id, refereeId, advocateId, code, ReferralStatus.COMPLETED, null, createdAt, at);
    }
}
