package dev.rapport.feedback.adapter.out.messaging;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.Topics;
import dev.rapport.events.feedback.ComplaintFirstResponse;
import dev.rapport.events.feedback.ComplaintOpened;
import dev.rapport.events.feedback.ComplaintReopened;
import dev.rapport.events.feedback.ComplaintResolved;
import dev.rapport.events.feedback.FeedbackEvents;
import dev.rapport.feedback.application.port.out.complaint.ComplaintEventPublisher;
import dev.rapport.feedback.domain.complaint.Complaint;
import dev.rapport.kernel.WireNames;
import dev.rapport.messaging.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Complaint events through the transactional outbox, keyed by the customer id. */
@ApplicationScoped
public class OutboxComplaintEventPublisher implements ComplaintEventPublisher {

    private final OutboxWriter outbox;

    public OutboxComplaintEventPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void opened(Complaint c) {
        publish(c, ComplaintOpened.TYPE, new ComplaintOpened(c.id(), c.customerId(), WireNames.of(c.channel()),
                c.category(), WireNames.of(c.priority()), c.openedAt(), c.firstResponseDueAt(), c.resolutionDueAt()));
    }

    @Override
    public void firstResponse(Complaint c) {
        publish(c, ComplaintFirstResponse.TYPE, new ComplaintFirstResponse(c.id(), c.customerId(), c.openedAt(),
                c.firstRespondedAt(), c.firstResponseDueAt(), !c.firstRespondedAt().isAfter(c.firstResponseDueAt())));
    }

    @Override
    public void resolved(Complaint c) {
        publish(c, ComplaintResolved.TYPE, new ComplaintResolved(c.id(), c.customerId(), c.category(),
                WireNames.of(c.priority()), c.openedAt(), c.resolvedAt(), c.resolutionDueAt(),
                !c.resolvedAt().isAfter(c.resolutionDueAt())));
    }

    @Override
    public void reopened(Complaint c, Instant reopenedAt) {
        publish(c, ComplaintReopened.TYPE, new ComplaintReopened(c.id(), c.customerId(), reopenedAt));
    }

    void publish(Complaint c, String type, Object data) {
        outbox.append(Topics.FEEDBACK_EVENTS, CloudEvent.of(FeedbackEvents.SOURCE, type, c.customerId().toString(), data));
    }
}
