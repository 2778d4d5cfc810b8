package dev.rapport.customer.application.service.purchase;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.application.port.in.purchase.GetPurchaseUseCase;
import dev.rapport.customer.application.port.out.purchase.PurchaseRepository;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.purchase.Purchase;

@ApplicationScoped
public class GetPurchaseService implements GetPurchaseUseCase {

    private final PurchaseRepository purchases;

    GetPurchaseService(PurchaseRepository purchases) {
        this.purchases = purchases;
    }

    @Override
    public Purchase get(UUID customerId, String orderId) {
        return Purchases.find(purchases, new CustomerId(customerId), orderId, false);
    }
}
