package dev.rapport.feedback.application.port.in.complaint;

import dev.rapport.feedback.domain.complaint.Complaint;

/** Opens a complaint with its SLA deadlines, assigns it when an agent is free; complaint-opened (+ complaint-assigned). */
public interface OpenComplaintUseCase {
    Complaint open(OpenComplaintCommand command);
}
