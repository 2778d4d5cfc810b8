package dev.rapport.customer.application.port.in.customer;

import dev.rapport.kernel.paging.Page;

import dev.rapport.customer.domain.customer.Customer;

public interface SearchCustomersUseCase {

    /**
     * Customers matching every given filter, oldest first (by creation time, then id).
     *
     * @throws dev.rapport.kernel.InvalidInputException a filter value is invalid
     */
    Page<Customer> search(SearchCustomersQuery query);
}
