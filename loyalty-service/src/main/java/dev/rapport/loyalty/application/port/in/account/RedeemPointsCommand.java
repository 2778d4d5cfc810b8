package dev.rapport.loyalty.application.port.in.account;

import java.util.UUID;

/** Either {@code points} (with an optional reason) or a catalogue {@code rewardId}. */
public record RedeemPointsCommand(UUID customerId, String idempotencyKey, Long points, UUID rewardId, String reason) {

    /** What a retry must repeat exactly to get the same answer. */
    public String fingerprint() {
        return "points=" + points + "|reward=" + rewardId + "|reason=" + reason;
    }
}
