package dev.rapport.customer.application.port.in.customer;

import java.util.UUID;

import dev.rapport.customer.domain.customer.Customer;

public interface GetCustomerUseCase {

    /** @throws dev.rapport.customer.domain.customer.CustomerNotFoundException unknown customer */
    Customer get(UUID customerId);
}
