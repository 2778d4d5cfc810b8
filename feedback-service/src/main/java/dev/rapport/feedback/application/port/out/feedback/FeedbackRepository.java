package dev.rapport.feedback.application.port.out.feedback;

import dev.rapport.feedback.domain.feedback.Feedback;
import dev.rapport.feedback.domain.feedback.FeedbackFilter;
import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Stored feedback. */
public interface FeedbackRepository {

    void add(Feedback feedback);

    /** Stores {@code feedback} under an Idempotency-Key with the fingerprint of its request. */
    void add(Feedback feedback, String idempotencyKey, String fingerprint);

    /** Serialises submissions with {@code idempotencyKey} until the transaction ends. */
    void lockIdempotencyKey(String idempotencyKey);

    /** The feedback stored under {@code idempotencyKey} with its request fingerprint. */
    Optional<Keyed> findByIdempotencyKey(String idempotencyKey);

    record Keyed(Feedback feedback, String fingerprint) {
    }

    Optional<Feedback> find(UUID id);

    /** Newest first ({@code receivedAt}, then id, descending). */
    Page<Feedback> list(FeedbackFilter filter, PageRequest page);

    /** Removes the texts of a customer's feedback; returns how many rows changed. */
    int eraseTexts(UUID customerId, Instant erasedAt);

    /** Moves a customer's feedback to another customer; returns how many rows moved. */
    int reassign(UUID fromCustomerId, UUID toCustomerId);
}
