package dev.rapport.customer.application.port.in.privacy;

public interface EraseCustomerUseCase {

    /**
     * GDPR erasure: scrubs the customer's personal data here, audits the request and announces it.
     * Repeating it answers the first erasure and changes nothing.
     *
     * @throws dev.rapport.customer.domain.customer.CustomerNotFoundException unknown customer
     * @throws dev.rapport.kernel.InvalidInputException       reason or requester too long
     */
    ErasureResult erase(EraseCustomerCommand command);
}
