package dev.rapport.customer.domain.purchase;

import dev.rapport.kernel.DomainException;

public class PurchaseNotFoundException extends DomainException {

    public PurchaseNotFoundException(String customerId, String orderId) {
        super("Customer " + customerId + " has no purchase with order id " + orderId);
    }
}
