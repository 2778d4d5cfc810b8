package dev.rapport.feedback.domain.complaint;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** One row of the SLA policy table: the first-response target and a resolution target per priority. */
public record SlaTargets(Duration firstResponse, Map<ComplaintPriority, Duration> resolution) {

    public SlaTargets {
        Objects.requireNonNull(firstResponse, "firstResponse");
        requirePositive("firstResponse", firstResponse);
        resolution = Map.copyOf(new EnumMap<>(resolution));
        for (ComplaintPriority priority : ComplaintPriority.values()) {
            Duration target = resolution.get(priority);
            if (target == null) {
                throw new IllegalArgumentException("no resolution target for " + priority);
            }
            requirePositive("resolution " + priority, target);
        }
    }

    public static SlaTargets of(Duration firstResponse, Duration low, Duration normal, Duration high, Duration urgent) {
        return new SlaTargets(firstResponse, Map.of(ComplaintPriority.LOW, low, ComplaintPriority.NORMAL, normal,
                ComplaintPriority.HIGH, high, ComplaintPriority.URGENT, urgent));
    }

    private static void requirePositive(String name, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " target must be positive, was " + d);
        }
    }
}
