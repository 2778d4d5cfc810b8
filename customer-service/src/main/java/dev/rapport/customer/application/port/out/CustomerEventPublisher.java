package dev.rapport.customer.application.port.out;

import java.util.List;

import dev.rapport.customer.domain.event.CustomerDomainEvent;

/**
 * Tells other services what happened. Must be called inside the transaction of the state change,
 * so the event is published exactly when the change commits.
 */
public interface CustomerEventPublisher {

    void publish(CustomerDomainEvent event);

    default void publishAll(List<CustomerDomainEvent> events) {
        events.forEach(this::publish);
    }
}
