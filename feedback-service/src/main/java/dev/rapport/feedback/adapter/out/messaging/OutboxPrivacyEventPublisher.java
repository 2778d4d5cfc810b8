package dev.rapport.feedback.adapter.out.messaging;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.Topics;
import dev.rapport.events.feedback.FeedbackEvents;
import dev.rapport.events.privacy.ErasureConfirmed;
import dev.rapport.feedback.application.port.out.customer.PrivacyEventPublisher;
import dev.rapport.messaging.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class OutboxPrivacyEventPublisher implements PrivacyEventPublisher {

    static final String SERVICE = "feedback-service";

    private final OutboxWriter outbox;

    public OutboxPrivacyEventPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void erasureConfirmed(UUID customerId, UUID erasureId, Instant confirmedAt) {
        outbox.append(Topics.FEEDBACK_EVENTS, CloudEvent.of(FeedbackEvents.SOURCE, ErasureConfirmed.type("feedback"),
                customerId.toString(), new ErasureConfirmed(customerId, erasureId, SERVICE, confirmedAt)));
    }
}
