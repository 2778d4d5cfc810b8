package dev.rapport.customer.domain.customer;

import java.time.Instant;

import dev.rapport.kernel.DomainException;

/** The customer was erased (GDPR): the record is kept for aggregates but can no longer be read or changed. */
public class CustomerErasedException extends DomainException {

    private final CustomerId customerId;
    private final Instant erasedAt;

    public CustomerErasedException(CustomerId customerId, Instant erasedAt) {
        super("Customer " + customerId + " was erased at " + erasedAt + "; its personal data is gone");
        this.customerId = customerId;
        this.erasedAt = erasedAt;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public Instant erasedAt() {
        return erasedAt;
    }
}
