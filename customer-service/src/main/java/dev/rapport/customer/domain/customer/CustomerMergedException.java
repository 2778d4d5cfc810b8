package dev.rapport.customer.domain.customer;

import dev.rapport.kernel.DomainException;

/**
 * The customer addressed was merged into another one and is now a tombstone; whoever asked should
 * go to the survivor instead (HTTP answers 308 Permanent Redirect to it).
 */
public class CustomerMergedException extends DomainException {

    private final CustomerId customerId;
    private final CustomerId survivorId;

    public CustomerMergedException(CustomerId customerId, CustomerId survivorId) {
        super("Customer " + customerId + " was merged into customer " + survivorId);
        this.customerId = customerId;
        this.survivorId = survivorId;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public CustomerId survivorId() {
        return survivorId;
    }
}
