package dev.rapport.customer.application.service.purchase;

import dev.rapport.customer.application.port.out.purchase.PurchaseRepository;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.purchase.OrderId;
import dev.rapport.customer.domain.purchase.Purchase;
import dev.rapport.customer.domain.purchase.PurchaseNotFoundException;
import dev.rapport.kernel.InvalidValueException;

/** Finds a purchase of one customer; an order id of another customer is as unknown as a missing one. */
final class Purchases {

    private Purchases() {
    }

    static Purchase find(PurchaseRepository purchases, CustomerId customerId, String rawOrderId, boolean forUpdate) {
        OrderId orderId;
        try {
            orderId = new OrderId(rawOrderId);
        } catch (InvalidValueException malformed) {
            throw new PurchaseNotFoundException(customerId.toString(), rawOrderId);
        }
        return (forUpdate ? purchases.findByOrderIdForUpdate(orderId) : purchases.findByOrderId(orderId))
                .filter(p -> p.customerId().equals(customerId))
                .orElseThrow(() -> new PurchaseNotFoundException(customerId.toString(), orderId.value()));
    }
}
