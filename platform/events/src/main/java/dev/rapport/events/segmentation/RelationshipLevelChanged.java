package dev.rapport.events.segmentation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A customer's relationship level changed: 1 basic record, 2 satisfied, 3 trusted, 4 loyal, 5 partner; with
 * the reasons for the new level.
 */
public record RelationshipLevelChanged(
        UUID customerId,
        int from,
        int to,
        String name,
        List<String> reasons,
        LocalDate asOf,
        Instant changedAt) {

    public static final String TYPE = "rapport.segmentation.relationship-level-changed.v1";
}
