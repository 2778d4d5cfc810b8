package dev.rapport.customer.application.port.in.customer;

public interface UpsertCustomerUseCase {

    /**
     * Creates the customer with this external id, or replaces the profile of the existing one. A
     * replacement that changes nothing creates no version and publishes nothing.
     *
     * @throws dev.rapport.kernel.InvalidInputException invalid fields, or another externalId in the body
     * @throws dev.rapport.customer.domain.customer.DuplicateCustomerException e-mail or phone belongs to another customer
     * @throws dev.rapport.customer.domain.customer.StaleVersionException If-Match does not name the current version
     * @throws dev.rapport.customer.domain.customer.NoCurrentCustomerException If-Match sent, but no such customer
     */
    UpsertedCustomer upsert(UpsertCustomerCommand command);
}
