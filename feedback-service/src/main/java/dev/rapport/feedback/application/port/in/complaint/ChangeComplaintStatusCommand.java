package dev.rapport.feedback.application.port.in.complaint;

import java.util.UUID;

public record ChangeComplaintStatusCommand(UUID complaintId, String status, String note) {
}
