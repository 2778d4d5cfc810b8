package dev.rapport.customer.application.port.in;

import dev.rapport.customer.domain.customer.Customer;

public interface SearchCustomersUseCase {

    /**
     * Customers matching every given filter, oldest first (by creation time, then id).
     *
     * @throws dev.rapport.customer.domain.shared.InvalidInputException a filter value is invalid
     */
    Page<Customer> search(SearchCustomersQuery query);
}
