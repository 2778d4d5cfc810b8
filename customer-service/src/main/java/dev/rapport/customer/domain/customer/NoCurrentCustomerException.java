package dev.rapport.customer.domain.customer;

import dev.rapport.kernel.DomainException;

/**
 * A conditional write (If-Match) addressed a customer that does not exist yet; RFC 9110 says the
 * condition is then false, so nothing is created.
 */
public class NoCurrentCustomerException extends DomainException {

    public NoCurrentCustomerException(String what) {
        super("No customer with " + what + " exists, so If-Match cannot match; send the request without If-Match to create it");
    }
}
