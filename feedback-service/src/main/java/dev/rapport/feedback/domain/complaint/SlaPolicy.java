package dev.rapport.feedback.domain.complaint;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Service-level targets: a first response within {@code firstResponse} of opening (24 hours by default)
 * and a resolution within the priority's target. Warnings go out {@code warningBefore} a deadline.
 */
public record SlaPolicy(Duration firstResponse, Map<ComplaintPriority, Duration> resolution, Duration warningBefore) {

    public SlaPolicy {
        Objects.requireNonNull(firstResponse, "firstResponse");
        Objects.requireNonNull(warningBefore, "warningBefore");
        resolution = Map.copyOf(new EnumMap<>(resolution));
        for (ComplaintPriority priority : ComplaintPriority.values()) {
            if (!resolution.containsKey(priority)) {
                throw new IllegalArgumentException("no resolution target for " + priority);
            }
        }
    }

    public Instant firstResponseDue(Instant openedAt) {
        return openedAt.plus(firstResponse);
    }

    public Instant resolutionDue(ComplaintPriority priority, Instant openedAt) {
        return openedAt.plus(resolution.get(priority));
    }
}
