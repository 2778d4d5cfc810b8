package dev.rapport.customer.application.service.engagement;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.application.port.in.engagement.ListInteractionsUseCase;
import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.customer.application.port.out.customer.CustomerRepository;
import dev.rapport.customer.application.port.out.engagement.InteractionRepository;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerNotFoundException;
import dev.rapport.customer.domain.engagement.Interaction;

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
