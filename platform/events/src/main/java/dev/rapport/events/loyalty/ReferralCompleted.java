package dev.rapport.events.loyalty;

import java.time.Instant;
import java.util.UUID;

/** A referred customer made a first purchase: both received their bonus. Subject is the referee. */
public record ReferralCompleted(
        UUID referralId,
        UUID advocateId,
        UUID refereeId,
        long advocateBonus,
        long refereeBonus,
        Instant occurredAt) {

    public static final String TYPE = "rapport.loyalty.referral-completed.v1";
}
