package dev.rapport.customer.application.port.in.customer;

import dev.rapport.customer.domain.customer.Customer;

public interface UpdateCustomerUseCase {

    /**
     * Applies a partial update. An update that changes nothing is not an error and creates no version.
     *
     * @throws dev.rapport.customer.domain.customer.CustomerNotFoundException unknown customer
     * @throws dev.rapport.customer.domain.customer.StaleVersionException the expected version is not current
     * @throws dev.rapport.kernel.InvalidInputException invalid fields
     * @throws dev.rapport.customer.domain.customer.DuplicateCustomerException e-mail, phone or external id taken
     */
    Customer update(UpdateCustomerCommand command);
}
