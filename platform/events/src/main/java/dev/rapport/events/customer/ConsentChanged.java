package dev.rapport.events.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer's consent for one channel and purpose was recorded. {@code channel} is one of
 * {@code email, sms, phone, post}; {@code purpose} one of {@code marketing, service, profiling};
 * {@code status} one of {@code granted, denied, revoked}. Only {@code granted} permits contact or
 * profiling; a consumer keeps the event with the latest {@code capturedAt} per channel and purpose.
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
