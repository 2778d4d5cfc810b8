package dev.rapport.events.feedback;

import java.time.Instant;
import java.util.UUID;

/** A resolved complaint was reopened (it is in progress again). */
public record ComplaintReopened(UUID complaintId, UUID customerId, Instant reopenedAt) {

    public static final String TYPE = "rapport.feedback.complaint-reopened.v1";
}
