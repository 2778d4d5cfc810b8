package dev.rapport.customer.adapter.out.persistence.purchase;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.application.port.out.identity.MergeParticipant;
import dev.rapport.customer.domain.customer.CustomerId;

/**
 * Purchases follow a merged customer to the survivor; their lines and returns hang off the purchase
 * and come along. Order ids are unique service-wide, so two customers can never hold the same order
 * and nothing can collide.
 */
@ApplicationScoped
public class PurchaseMergeParticipant implements MergeParticipant {

    @Override
    public void moveAll(CustomerId from, CustomerId to) {
        PurchaseEntity.update("customerId = ?1 where customerId = ?2", to.value(), from.value());
    }

    @Override
    public int order() {
        return 10;
    }
}
