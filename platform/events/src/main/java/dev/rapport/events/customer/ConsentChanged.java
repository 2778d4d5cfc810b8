package dev.rapport.events.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer's consent for one channel and purpose was recorded. {@code channel} is one of
 * {@code email, sms, phone, post}; {@code purpose} one of {@code marketing, service, profiling};
 * {@code status} one of {@code granted, denied, revoked}. Only {@code granted} permits contact or
 * profiling; no event for a pair means no consent.
 * <p>
 * Published only when the <em>current</em> status of the pair changes, and the data is always the
 * statement now in force. Events of one customer arrive in order (key = customer id), so a consumer
 * simply keeps the last one per channel and purpose; it must not compare {@code capturedAt} itself.
 */
public record ConsentChanged(
        UUID customerId,
        String channel,
        String purpose,
        String status,
        String source,
        Instant capturedAt) {

    public static final String TYPE = "rapport.customer.consent-changed.v1";
}
