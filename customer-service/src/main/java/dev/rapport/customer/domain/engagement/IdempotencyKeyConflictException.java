package dev.rapport.customer.domain.engagement;

import dev.rapport.kernel.DomainException;

/** The key was used before for a different interaction: a client bug, not a retry. */
public class IdempotencyKeyConflictException extends DomainException {

    private final InteractionId existingInteractionId;

    public IdempotencyKeyConflictException(IdempotencyKey key, InteractionId existingInteractionId) {
        super("Idempotency-Key " + key + " was already used for a different interaction of this customer; "
                + "a retry must send the same channel, direction, summary and agent");
        this.existingInteractionId = existingInteractionId;
    }

    public InteractionId existingInteractionId() {
        return existingInteractionId;
    }
}
