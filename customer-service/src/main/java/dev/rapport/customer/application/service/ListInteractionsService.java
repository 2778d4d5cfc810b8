package dev.rapport.customer.application.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.application.port.in.ListInteractionsUseCase;
import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.customer.application.port.out.CustomerRepository;
import dev.rapport.customer.application.port.out.InteractionRepository;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerNotFoundException;
import dev.rapport.customer.domain.interaction.Interaction;

@ApplicationScoped
public class ListInteractionsService implements ListInteractionsUseCase {

    private final CustomerRepository customers;
    private final InteractionRepository interactions;

    ListInteractionsService(CustomerRepository customers, InteractionRepository interactions) {
        this.customers = customers;
        this.interactions = interactions;
    }

    @Override
    public Page<Interaction> list(UUID customerId, PageRequest page) {
        CustomerId id = new CustomerId(customerId);
        if (!customers.exists(id)) {
            throw new CustomerNotFoundException(id.toString());
        }
        return interactions.listByCustomer(id, page);
    }
}
