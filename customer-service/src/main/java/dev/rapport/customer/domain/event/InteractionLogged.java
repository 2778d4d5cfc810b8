package dev.rapport.customer.domain.event;

import java.time.Instant;

import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.engagement.Interaction;

public record InteractionLogged(CustomerId customerId, Interaction interaction) implements CustomerDomainEvent {

    @Override
    public Instant occurredAt() {
        return interaction.occurredAt();
    }
}
