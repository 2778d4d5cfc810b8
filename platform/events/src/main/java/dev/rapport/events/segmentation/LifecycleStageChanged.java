package dev.rapport.events.segmentation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A customer's lifecycle stage changed: {@code prospect, new, repeat, loyal, at_risk, churned}.
 */
public record LifecycleStageChanged(
        UUID customerId,
        String from,
        String to,
        LocalDate asOf,
        Instant changedAt) {

    public static final String TYPE = "rapport.segmentation.lifecycle-stage-changed.v1";
}
