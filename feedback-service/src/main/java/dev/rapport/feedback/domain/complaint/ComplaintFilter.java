package dev.rapport.feedback.domain.complaint;

import java.time.Instant;
import java.util.UUID;

/**
 * Which complaints a list shows; null fields do not filter. {@code breached}: any SLA deadline breached
 * (true) or none (false) at {@code now}; {@code dueBefore}: open complaints whose next deadline (first
 * response if not yet given, else resolution) is before it.
 */
public record ComplaintFilter(ComplaintStatus status, UUID assignee, Boolean breached, Instant dueBefore,
                              UUID customerId, Instant now) {
}
