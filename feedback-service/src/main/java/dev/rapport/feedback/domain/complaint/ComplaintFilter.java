package dev.rapport.feedback.domain.complaint;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Which complaints a list shows; null fields (and no statuses) do not filter. {@code statuses}: any of
 * them. {@code breached}: any SLA deadline breached
 * (true) or none (false) at {@code now}; {@code dueBefore}: open complaints whose next deadline (first
 * response if not yet given, else resolution) is before it.
 */
public record ComplaintFilter(Set<ComplaintStatus> statuses, UUID assignee, Boolean breached, Instant dueBefore,
                              UUID customerId, Instant now) {

    public ComplaintFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
