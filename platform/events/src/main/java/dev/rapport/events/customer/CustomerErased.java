package dev.rapport.events.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer asked to be forgotten (GDPR erasure). Every service that holds a copy of the customer's
 * personal data erases it and answers with {@link dev.rapport.events.privacy.ErasureConfirmed} carrying
 * the same {@code erasureId} on its own topic.
 */
public record CustomerErased(
        UUID customerId,
        UUID erasureId,
        Instant requestedAt) {

    public static final String TYPE = "rapport.customer.customer-erased.v1";
}
