package dev.rapport.loyalty.domain.account;

import java.time.Instant;
import java.util.UUID;

/** The answer to a redemption, stored with its Idempotency-Key so a retry gets the same. */
public record Redemption(UUID entryId, UUID customerId, long points, UUID rewardId, String reason, long balance,
                         long available, Instant redeemedAt) {
}
