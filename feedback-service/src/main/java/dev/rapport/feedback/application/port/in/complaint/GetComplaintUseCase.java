package dev.rapport.feedback.application.port.in.complaint;

import dev.rapport.feedback.domain.complaint.Complaint;

import java.util.UUID;

public interface GetComplaintUseCase {
    Complaint get(UUID id);
}
