package dev.rapport.events.feedback;

import java.time.Instant;
import java.util.UUID;

/** A complaint got its first response (it was acknowledged); {@code withinSla} when by its deadline. */
public record ComplaintFirstResponse(
        UUID complaintId,
        UUID customerId,
        Instant openedAt,
        Instant respondedAt,
        Instant firstResponseDueAt,
        boolean withinSla) {

    public static final String TYPE = "rapport.feedback.complaint-first-response.v1";
}
