package dev.rapport.customer.domain.event;

import java.time.Instant;

import dev.rapport.customer.domain.consent.ConsentRecord;
import dev.rapport.customer.domain.customer.CustomerId;

/** The current status of one channel and purpose changed; {@code current} is the record now in force. */
public record ConsentChanged(CustomerId customerId, ConsentRecord current) implements CustomerDomainEvent {

    @Override
    public Instant occurredAt() {
        return current.capturedAt();
    }
}
