package dev.rapport.events.feedback;

import java.time.Instant;
import java.util.UUID;

/** A complaint's deadline ({@code first-response} or {@code resolution}) passed unmet: published once per complaint and deadline. */
public record ComplaintSlaBreached(UUID complaintId, UUID customerId, String deadline, Instant dueAt, Instant detectedAt) {

    public static final String TYPE = "rapport.feedback.complaint-sla-breached.v1";
}
