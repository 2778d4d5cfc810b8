package dev.rapport.customer.domain.customer;

import dev.rapport.kernel.DomainException;

/** The client changed a version of the customer that is no longer the current one. */
public class StaleVersionException extends DomainException {

    private final long currentVersion;

    public StaleVersionException(CustomerId id, long currentVersion) {
        super("Customer " + id + " has changed since you read it; it is now at version " + currentVersion
                + ". Read it again and repeat your change.");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
