package dev.rapport.events.loyalty;

import java.time.Instant;
import java.util.UUID;

/** A member redeemed a catalogue reward; {@code remainingStock} is null for a reward without a stock limit. */
public record RewardRedeemed(
        UUID customerId,
        UUID rewardId,
        UUID entryId,
        long points,
        Long remainingStock,
        Instant occurredAt) {

    public static final String TYPE = "rapport.loyalty.reward-redeemed.v1";
}
