package dev.rapport.customer.application.port.in.engagement;

import dev.rapport.kernel.paging.PageRequest;

import dev.rapport.kernel.paging.Page;

import java.util.UUID;

import dev.rapport.customer.domain.engagement.Interaction;

public interface ListInteractionsUseCase {

    /**
     * A customer's interactions, newest first (occurredAt, then id).
     *
     * @throws dev.rapport.customer.domain.customer.CustomerNotFoundException unknown customer
     */
    Page<Interaction> list(UUID customerId, PageRequest page);
}
