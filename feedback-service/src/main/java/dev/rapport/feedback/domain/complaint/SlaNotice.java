package dev.rapport.feedback.domain.complaint;

import java.time.Instant;
import java.util.UUID;

/** A deadline about to pass (WARNING) or passed (BREACH), claimed once by the SLA scan. */
public record SlaNotice(UUID complaintId, UUID customerId, Deadline deadline, Kind kind, Instant dueAt, Instant at) {

    public enum Deadline { FIRST_RESPONSE, RESOLUTION }

    public enum Kind { WARNING, BREACH }
}
