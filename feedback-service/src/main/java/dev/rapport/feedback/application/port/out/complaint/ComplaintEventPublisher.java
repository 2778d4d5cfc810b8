package dev.rapport.feedback.application.port.out.complaint;

import dev.rapport.feedback.domain.agent.Agent;
import dev.rapport.feedback.domain.complaint.Complaint;
import dev.rapport.feedback.domain.complaint.SlaNotice;

import java.time.Instant;

/** Announces complaint facts (never subject, description or notes); called inside the change's transaction. */
public interface ComplaintEventPublisher {

    void opened(Complaint complaint);

    void firstResponse(Complaint complaint);

    void resolved(Complaint complaint);

    void reopened(Complaint complaint, Instant reopenedAt);

    /** complaint-assigned: round-robin at opening ({@code manual} false) or by hand. */
    /** complaint-sla-warning or complaint-sla-breached. */
    void slaNotice(SlaNotice notice);

    void assigned(Complaint complaint, Agent agent, boolean manual, Instant assignedAt);
}
