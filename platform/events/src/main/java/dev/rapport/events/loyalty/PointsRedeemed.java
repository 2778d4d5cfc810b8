package dev.rapport.events.loyalty;

import java.time.Instant;
import java.util.UUID;

/** Points were spent; {@code rewardId} is set when a catalogue reward was redeemed. {@code points} is positive. */
public record PointsRedeemed(
        UUID customerId,
        UUID entryId,
        long points,
        UUID rewardId,
        long balance,
        Instant occurredAt) {

    public static final String TYPE = "rapport.loyalty.points-redeemed.v1";
}
