package dev.rapport.feedback.adapter.out.messaging;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.Topics;
import dev.rapport.events.feedback.FeedbackEvents;
import dev.rapport.events.feedback.FeedbackReceived;
import dev.rapport.feedback.application.port.out.feedback.FeedbackEventPublisher;
import dev.rapport.feedback.domain.feedback.Feedback;
import dev.rapport.kernel.WireNames;
import dev.rapport.messaging.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;

/** feedback-received through the transactional outbox, keyed by the customer id. */
@ApplicationScoped
public class OutboxFeedbackEventPublisher implements FeedbackEventPublisher {

    private final OutboxWriter outbox;

    public OutboxFeedbackEventPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void received(Feedback f) {
        FeedbackReceived data = new FeedbackReceived(f.id(), f.customerId(), WireNames.of(f.channel()), f.rating(),
                WireNames.of(f.analysis().language()), WireNames.of(f.analysis().sentiment()), f.analysis().score(),
                f.analysis().topics(), f.receivedAt());
        outbox.append(Topics.FEEDBACK_EVENTS,
                CloudEvent.of(FeedbackEvents.SOURCE, FeedbackReceived.TYPE, f.customerId().toString(), data));
    }
}
