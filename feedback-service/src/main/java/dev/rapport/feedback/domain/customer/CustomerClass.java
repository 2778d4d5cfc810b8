package dev.rapport.feedback.domain.customer;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What feedback-service knows of a customer's standing: the ABC class from segmentation-service and the
 * loyalty tier from loyalty-service, each with the time it took effect (null when not heard of yet).
 */
public record CustomerClass(UUID customerId, String abcClass, Instant abcClassAt, String loyaltyTier,
                            Instant loyaltyTierAt) {

    public CustomerClass {
        Objects.requireNonNull(customerId, "customerId");
    }
}
