package dev.rapport.customer.domain.customer;

import dev.rapport.kernel.DomainException;

public class CustomerNotFoundException extends DomainException {

    private final String customerId;

    public CustomerNotFoundException(String customerId) {
        super("No customer with id " + customerId);
        this.customerId = customerId;
    }

    public String customerId() {
        return customerId;
    }
}
