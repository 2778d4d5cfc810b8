package dev.rapport.events.feedback;

import java.time.Instant;
import java.util.UUID;

/**
 * A complaint's deadline ({@code first-response} or {@code resolution}) is near: published once per
 * complaint and deadline, the configured warning period before {@code dueAt}.
 */
public record ComplaintSlaWarning(UUID complaintId, UUID customerId, String deadline, Instant dueAt, Instant warnedAt) {

    public static final String TYPE = "rapport.feedback.complaint-sla-warning.v1";
}
