package dev.rapport.customer.domain.privacy;

import dev.rapport.kernel.DomainException;

/** The customer exists but was never erased (or does not exist): there is no erasure to show. */
public class ErasureNotFoundException extends DomainException {

    public ErasureNotFoundException(String customerId) {
        super("Customer " + customerId + " has not been erased");
    }
}
