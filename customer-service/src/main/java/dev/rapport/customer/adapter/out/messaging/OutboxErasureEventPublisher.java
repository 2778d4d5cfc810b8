package dev.rapport.customer.adapter.out.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.application.port.out.privacy.ErasureEventPublisher;
import dev.rapport.customer.domain.privacy.Erasure;
import dev.rapport.customer.domain.privacy.ErasureConfirmation;
import dev.rapport.events.CloudEvent;
import dev.rapport.events.Topics;
import dev.rapport.events.customer.CustomerErased;
import dev.rapport.events.customer.CustomerEvents;
import dev.rapport.events.privacy.ErasureConfirmed;
import dev.rapport.messaging.outbox.OutboxWriter;

/** customer-erased and this service's erasure-confirmed on {@code rapport.customer.events}, through the outbox. */
@ApplicationScoped
public class OutboxErasureEventPublisher implements ErasureEventPublisher {

    /** The context in this service's event types: {@code rapport.customer.erasure-confirmed.v1}. */
    static final String CONTEXT = "customer";

    private final OutboxWriter outbox;

    public OutboxErasureEventPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void customerErased(Erasure erasure) {
        String subject = erasure.customerId().toString();
        outbox.append(Topics.CUSTOMER_EVENTS, CloudEvent.of(CustomerEvents.SOURCE, CustomerErased.TYPE, subject,
                new CustomerErased(erasure.customerId().value(), erasure.id().value(), erasure.requestedAt())));
    }

    @Override
    public void erasureConfirmed(Erasure erasure, ErasureConfirmation confirmation) {
        String subject = erasure.customerId().toString();
        outbox.append(Topics.CUSTOMER_EVENTS, CloudEvent.of(CustomerEvents.SOURCE, ErasureConfirmed.type(CONTEXT),
                subject, new ErasureConfirmed(erasure.customerId().value(), erasure.id().value(),
                        confirmation.service().value(), confirmation.confirmedAt())));
    }
}
