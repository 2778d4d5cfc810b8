package dev.rapport.customer.domain.customer;

import dev.rapport.kernel.DomainException;

/** Another customer already has this e-mail, phone or external id; names the one that has it. */
public class DuplicateCustomerException extends DomainException {

    private final String field;
    private final CustomerId existingCustomerId;

    public DuplicateCustomerException(String field, CustomerId existingCustomerId) {
        super("Another customer already has this " + field);
        this.field = field;
        this.existingCustomerId = existingCustomerId;
    }

    /** JSON name of the duplicated field: email, phone or externalId. */
    public String field() {
        return field;
    }

    /** Null only if the other customer could not be identified (it vanished in between). */
    public CustomerId existingCustomerId() {
        return existingCustomerId;
    }
}
