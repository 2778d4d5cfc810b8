package dev.rapport.customer.application.port.in.customer;

import dev.rapport.customer.domain.customer.Customer;

public interface RegisterCustomerUseCase {

    /**
     * @throws dev.rapport.kernel.InvalidInputException invalid fields
     * @throws dev.rapport.customer.domain.customer.DuplicateCustomerException e-mail, phone or external id taken
     */
    Customer register(RegisterCustomerCommand command);
}
