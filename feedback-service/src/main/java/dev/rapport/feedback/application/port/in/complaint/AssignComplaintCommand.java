package dev.rapport.feedback.application.port.in.complaint;

import java.util.UUID;

public record AssignComplaintCommand(UUID complaintId, UUID agentId) {
}
