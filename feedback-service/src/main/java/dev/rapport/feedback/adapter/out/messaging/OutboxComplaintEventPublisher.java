package dev.rapport.feedback.adapter.out.messaging;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.Topics;
import dev.rapport.events.feedback.ComplaintAssigned;
import dev.rapport.events.feedback.ComplaintFirstResponse;
import dev.rapport.events.feedback.ComplaintOpened;
import dev.rapport.events.feedback.ComplaintReopened;
import dev.rapport.events.feedback.ComplaintResolved;
import dev.rapport.events.feedback.ComplaintSlaBreached;
import dev.rapport.events.feedback.ComplaintSlaWarning;
import dev.rapport.events.feedback.FeedbackEvents;
import dev.rapport.feedback.application.port.out.complaint.ComplaintEventPublisher;
import dev.rapport.feedback.domain.agent.Agent;
import dev.rapport.feedback.domain.complaint.Complaint;
import dev.rapport.feedback.domain.complaint.SlaNotice;
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

    @Override
    public void slaNotice(SlaNotice n) {
        String deadline = n.deadline() == SlaNotice.Deadline.FIRST_RESPONSE ? "first-response" : "resolution";
        Object data = n.kind() == SlaNotice.Kind.WARNING
                ? new ComplaintSlaWarning(n.complaintId(), n.customerId(), deadline, n.dueAt(), n.at())
                : new ComplaintSlaBreached(n.complaintId(), n.customerId(), deadline, n.dueAt(), n.at());
        String type = n.kind() == SlaNotice.Kind.WARNING ? ComplaintSlaWarning.TYPE : ComplaintSlaBreached.TYPE;
        outbox.append(Topics.FEEDBACK_EVENTS, CloudEvent.of(FeedbackEvents.SOURCE, type, n.customerId().toString(), data));
    }

    @Override
    public void assigned(Complaint c, Agent agent, boolean manual, Instant assignedAt) {
        publish(c, ComplaintAssigned.TYPE, new ComplaintAssigned(c.id(), c.customerId(), agent.id(), agent.team(),
                manual, assignedAt));
    }

    void publish(Complaint c, String type, Object data) {
        outbox.append(Topics.FEEDBACK_EVENTS, CloudEvent.of(FeedbackEvents.SOURCE, type, c.customerId().toString(), data));
    }
}
