package dev.rapport.feedback.domain.complaint;

import java.time.Instant;

/** One step of a complaint's history; {@code from} is null for the opening. */
public record ComplaintTransition(ComplaintStatus from, ComplaintStatus to, Instant at, String note) {
}
