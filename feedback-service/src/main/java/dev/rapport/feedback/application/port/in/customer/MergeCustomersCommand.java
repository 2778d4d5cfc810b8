package dev.rapport.feedback.application.port.in.customer;

import java.util.UUID;

public record MergeCustomersCommand(UUID survivorId, UUID duplicateId) {
}
