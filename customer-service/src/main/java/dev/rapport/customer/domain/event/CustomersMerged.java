package dev.rapport.customer.domain.event;

import java.time.Instant;

import dev.rapport.customer.domain.customer.CustomerId;

/** {@code customerId} is the survivor (the event's subject); {@code duplicateId} is now its tombstone. */
public record CustomersMerged(CustomerId customerId, CustomerId duplicateId, Instant mergedAt)
        implements CustomerDomainEvent {

    @Override
    public Instant occurredAt() {
        return mergedAt;
    }
}
