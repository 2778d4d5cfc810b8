package dev.rapport.customer.application.port.out.customer;

import java.util.ArrayList;
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

    /**
     * Turns {@code events} into what {@link #publishAll(Prepared, List)} writes, ahead of time and
     * without the database (no transaction needed): so a bulk writer can do it while the database
     * is busy with its own statement.
     */
    default Prepared prepare(List<CustomerDomainEvent> events) {
        List<CustomerDomainEvent> copy = List.copyOf(events);
        return () -> copy;
    }

    /** Publishes the {@code prepared} events, then {@code more}, in that order, as publishAll does. */
    default void publishAll(Prepared prepared, List<CustomerDomainEvent> more) {
        List<CustomerDomainEvent> all = new ArrayList<>(prepared.events());
        all.addAll(more);
        publishAll(all);
    }

    /** Events prepared for publication; published once. */
    interface Prepared {
        List<CustomerDomainEvent> events();
    }
}
