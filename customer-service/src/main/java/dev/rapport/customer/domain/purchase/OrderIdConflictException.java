package dev.rapport.customer.domain.purchase;

import dev.rapport.kernel.DomainException;

/**
 * The order id is already recorded, but not as the same purchase of this customer, so the request
 * is not a harmless repeat. {@code existingPurchaseId} is only given when the purchase is this
 * customer's (never reveal another customer's purchase).
 */
public class OrderIdConflictException extends DomainException {

    private final PurchaseId existingPurchaseId;

    public OrderIdConflictException(OrderId orderId, PurchaseId existingPurchaseId, String why) {
        super("Order id " + orderId + " is already recorded " + why);
        this.existingPurchaseId = existingPurchaseId;
    }

    public PurchaseId existingPurchaseId() {
        return existingPurchaseId;
    }
}
