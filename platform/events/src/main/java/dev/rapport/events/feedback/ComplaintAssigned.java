package dev.rapport.events.feedback;

import java.time.Instant;
import java.util.UUID;

/** A complaint was assigned to an agent: round-robin at opening ({@code manual} false) or by hand. */
public record ComplaintAssigned(UUID complaintId, UUID customerId, UUID agentId, String team, boolean manual,
                                Instant assignedAt) {

    public static final String TYPE = "rapport.feedback.complaint-assigned.v1";
}
