package dev.rapport.events.feedback;

import java.time.Instant;
import java.util.UUID;

/** A complaint was resolved; {@code withinSla} when by its (pause-adjusted) resolution deadline. */
public record ComplaintResolved(
        UUID complaintId,
        UUID customerId,
        String category,
        String priority,
        Instant openedAt,
        Instant resolvedAt,
        Instant resolutionDueAt,
        boolean withinSla) {

    public static final String TYPE = "rapport.feedback.complaint-resolved.v1";
}
