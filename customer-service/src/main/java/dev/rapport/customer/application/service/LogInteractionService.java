package dev.rapport.customer.application.service;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.customer.application.port.in.LogInteractionCommand;
import dev.rapport.customer.application.port.in.LogInteractionUseCase;
import dev.rapport.customer.application.port.in.LoggedInteraction;
import dev.rapport.customer.application.port.out.CustomerEventPublisher;
import dev.rapport.customer.application.port.out.CustomerRepository;
import dev.rapport.customer.application.port.out.InteractionRepository;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerNotFoundException;
import dev.rapport.customer.domain.event.InteractionLogged;
import dev.rapport.customer.domain.interaction.IdempotencyKeyConflictException;
import dev.rapport.customer.domain.interaction.Interaction;
import dev.rapport.customer.domain.interaction.InteractionId;

/**
 * Logs an interaction once per Idempotency-Key. With a key the customer row is locked before the
 * lookup, so two concurrent first attempts cannot both insert; without a key there is nothing to
 * deduplicate and no lock is taken.
 */
@ApplicationScoped
public class LogInteractionService implements LogInteractionUseCase {

    private final CustomerRepository customers;
    private final InteractionRepository interactions;
    private final CustomerEventPublisher events;
    private final Clock clock;

    LogInteractionService(CustomerRepository customers, InteractionRepository interactions,
                          CustomerEventPublisher events, Clock clock) {
        this.customers = customers;
        this.interactions = interactions;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public LoggedInteraction log(LogInteractionCommand command) {
        CustomerId customerId = new CustomerId(command.customerId());
        Interaction candidate = Interaction.log(InteractionId.newId(), customerId, command.channel(),
                command.direction(), command.summary(), command.occurredAt(), command.agent(),
                command.idempotencyKey(), Clocks.now(clock));
        if (candidate.idempotencyKey() == null) {
            if (!customers.exists(customerId)) {
                throw new CustomerNotFoundException(customerId.toString());
            }
        } else {
            if (customers.findByIdForUpdate(customerId).isEmpty()) {
                throw new CustomerNotFoundException(customerId.toString());
            }
            Optional<Interaction> earlier = interactions.findByIdempotencyKey(customerId, candidate.idempotencyKey());
            if (earlier.isPresent()) {
                if (!earlier.get().isSameAs(candidate)) {
                    throw new IdempotencyKeyConflictException(candidate.idempotencyKey(), earlier.get().id());
                }
                return new LoggedInteraction(earlier.get(), false);
            }
        }
        interactions.add(candidate);
        events.publish(new InteractionLogged(customerId, candidate));
        return new LoggedInteraction(candidate, true);
    }
}
