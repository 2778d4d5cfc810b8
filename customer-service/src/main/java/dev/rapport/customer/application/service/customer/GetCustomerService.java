package dev.rapport.customer.application.service.customer;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.application.port.in.customer.GetCustomerUseCase;
import dev.rapport.customer.application.port.out.customer.CustomerRepository;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerNotFoundException;

@ApplicationScoped
public class GetCustomerService implements GetCustomerUseCase {

    private final CustomerRepository customers;

    GetCustomerService(CustomerRepository customers) {
        this.customers = customers;
    }

    @Override
    public Customer get(UUID customerId) {
        Customer customer = customers.findById(new CustomerId(customerId))
                .orElseThrow(() -> new CustomerNotFoundException(customerId.toString()));
        customer.requireNotErased();
        return customer;
    }
}
