package dev.rapport.customer.application.port.in.purchase;

import java.util.UUID;

import dev.rapport.customer.domain.purchase.Purchase;

public interface GetPurchaseUseCase {

    /** @throws dev.rapport.customer.domain.purchase.PurchaseNotFoundException no such purchase of this customer */
    Purchase get(UUID customerId, String orderId);
}
