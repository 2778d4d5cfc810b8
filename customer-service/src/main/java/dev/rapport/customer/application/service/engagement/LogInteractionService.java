package dev.rapport.customer.application.service.engagement;

import dev.rapport.customer.application.service.Clocks;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.customer.application.port.in.engagement.LogInteractionCommand;
import dev.rapport.customer.application.port.in.engagement.LogInteractionUseCase;
import dev.rapport.customer.application.port.in.engagement.LoggedInteraction;
import dev.rapport.customer.application.port.out.customer.CustomerEventPublisher;
import dev.rapport.customer.application.port.out.customer.CustomerRepository;
import dev.rapport.customer.application.port.out.engagement.InteractionRepository;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerNotFoundException;
import dev.rapport.customer.domain.event.InteractionLogged;
import dev.rapport.customer.domain.engagement.IdempotencyKeyConflictException;
import dev.rapport.customer.domain.engagement.Interaction;
import dev.rapport.customer.domain.engagement.InteractionId;

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
