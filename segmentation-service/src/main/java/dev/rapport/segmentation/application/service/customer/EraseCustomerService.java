package dev.rapport.segmentation.application.service.customer;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.segmentation.application.port.in.customer.EraseCustomerCommand;
import dev.rapport.segmentation.application.port.in.customer.EraseCustomerUseCase;
import dev.rapport.segmentation.application.port.out.customer.CustomerFactsRepository;
import dev.rapport.segmentation.application.port.out.customer.ErasureEventPublisher;

/**
 * Erasure: the external id and the order ids go; the anonymous amounts and dates stay (keyed by the
 * customer's random id, they still count in n and T). The confirmation is published in the same transaction.
 */
@ApplicationScoped
public class EraseCustomerService implements EraseCustomerUseCase {

    private final CustomerFactsRepository customers;
    private final ErasureEventPublisher events;
    private final Clock clock;

    public EraseCustomerService(CustomerFactsRepository customers, ErasureEventPublisher events, Clock clock) {
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void erase(EraseCustomerCommand command) {
        var now = clock.instant();
        customers.erase(command.customerId(), now);
        events.erasureConfirmed(command.customerId(), command.erasureId(), now);
    }
}
