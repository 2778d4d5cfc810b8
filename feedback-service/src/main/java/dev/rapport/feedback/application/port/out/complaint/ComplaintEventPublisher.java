package dev.rapport.feedback.application.port.out.complaint;

import dev.rapport.feedback.domain.complaint.Complaint;

import java.time.Instant;

/** Announces complaint facts (never subject, description or notes); called inside the change's transaction. */
public interface ComplaintEventPublisher {

    void opened(Complaint complaint);

    void firstResponse(Complaint complaint);

    void resolved(Complaint complaint);

    void reopened(Complaint complaint, Instant reopenedAt);
}
