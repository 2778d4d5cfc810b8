package dev.rapport.events.feedback;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer's complaint was opened with its SLA deadlines. No subject or description (personal text).
 * {@code priority} is {@code low|normal|high|urgent}.
 */
public record ComplaintOpened(
        UUID complaintId,
        UUID customerId,
        String channel,
        String category,
        String priority,
        Instant openedAt,
        Instant firstResponseDueAt,
        Instant resolutionDueAt) {

    public static final String TYPE = "rapport.feedback.complaint-opened.v1";
}
