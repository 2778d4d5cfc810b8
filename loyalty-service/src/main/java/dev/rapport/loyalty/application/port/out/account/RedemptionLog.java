package dev.rapport.loyalty.application.port.out.account;

import java.util.Optional;
import java.util.UUID;

import dev.rapport.loyalty.domain.account.Redemption;

/** Redemptions by Idempotency-Key. */
public interface RedemptionLog {

    record Stored(String requestFingerprint, Redemption redemption) {
    }

    Optional<Stored> find(UUID customerId, String idempotencyKey);

    void save(UUID customerId, String idempotencyKey, String requestFingerprint, Redemption redemption);
}
