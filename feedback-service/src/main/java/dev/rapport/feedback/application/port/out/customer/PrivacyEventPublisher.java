package dev.rapport.feedback.application.port.out.customer;

import java.time.Instant;
import java.util.UUID;

public interface PrivacyEventPublisher {
    /** erasure-confirmed of feedback-service for the erasure {@code erasureId}. */
    void erasureConfirmed(UUID customerId, UUID erasureId, Instant confirmedAt);
}
