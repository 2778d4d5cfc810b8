package dev.rapport.customer.application.service.engagement;

import dev.rapport.customer.application.service.Clocks;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.customer.application.port.in.engagement.CreateFollowUpCommand;
import dev.rapport.customer.application.port.in.engagement.CreateFollowUpUseCase;
import dev.rapport.customer.application.port.out.customer.CustomerRepository;
import dev.rapport.customer.application.port.out.engagement.FollowUpRepository;
import dev.rapport.customer.application.port.out.engagement.InteractionRepository;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerNotFoundException;
import dev.rapport.customer.domain.engagement.FollowUp;
import dev.rapport.customer.domain.engagement.FollowUpCalendar;
import dev.rapport.customer.domain.engagement.FollowUpId;
import dev.rapport.customer.domain.engagement.InteractionId;
import dev.rapport.kernel.InvalidInputException;

/** Opens a follow-up; a linked interaction must belong to the same customer. Publishes no event. */
@ApplicationScoped
public class CreateFollowUpService implements CreateFollowUpUseCase {

    private final CustomerRepository customers;
    private final InteractionRepository interactions;
    private final FollowUpRepository followUps;
    private final FollowUpCalendar calendar;
    private final Clock clock;

    CreateFollowUpService(CustomerRepository customers, InteractionRepository interactions,
                          FollowUpRepository followUps, FollowUpCalendar calendar, Clock clock) {
        this.customers = customers;
        this.interactions = interactions;
        this.followUps = followUps;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    @Transactional
    public FollowUp create(CreateFollowUpCommand command) {
        CustomerId customerId = new CustomerId(command.customerId());
        InteractionId interactionId = command.interactionId() == null ? null
                : new InteractionId(command.interactionId());
        FollowUp followUp = FollowUp.open(FollowUpId.newId(), customerId, command.title(), command.dueAt(),
                command.dueDate(), command.owner(), command.note(), interactionId, Clocks.now(clock), calendar);
        if (!customers.exists(customerId)) {
            throw new CustomerNotFoundException(customerId.toString());
        }
        if (interactionId != null && interactions.findById(interactionId)
                .filter(i -> i.customerId().equals(customerId)).isEmpty()) {
            throw InvalidInputException.of("interactionId", "is not an interaction of this customer");
        }
        followUps.add(followUp);
        return followUp;
    }
}
