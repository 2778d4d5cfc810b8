package dev.rapport.customer.application.port.in.purchase;

import dev.rapport.kernel.paging.PageRequest;

import dev.rapport.kernel.paging.Page;

import java.util.UUID;

import dev.rapport.customer.domain.purchase.Purchase;

public interface ListPurchasesUseCase {

    /**
     * A customer's purchases, newest first (by occurredAt, then id).
     *
     * @throws dev.rapport.customer.domain.customer.CustomerNotFoundException unknown customer
     */
    Page<Purchase> list(UUID customerId, PageRequest page);
}
