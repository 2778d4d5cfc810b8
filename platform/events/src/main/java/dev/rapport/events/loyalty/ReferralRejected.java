package dev.rapport.events.loyalty;

import java.time.Instant;
import java.util.UUID;

/**
 * A referral code given at registration was not accepted. {@code reason} is one of
 * {@code unknown-code}, {@code self-referral}, {@code already-referred}, {@code usage-limit-reached},
 * {@code code-expired}. Subject is the referee.
 */
public record ReferralRejected(
        UUID referralId,
        UUID refereeId,
        String reason,
        Instant occurredAt) {

    public static final String TYPE = "rapport.loyalty.referral-rejected.v1";
}
