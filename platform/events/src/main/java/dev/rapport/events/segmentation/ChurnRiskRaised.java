package dev.rapport.events.segmentation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A customer's churn risk rose ({@code low, medium, high}), with the signals behind the new level. */
public record ChurnRiskRaised(
        UUID customerId,
        String from,
        String to,
        List<String> reasons,
        LocalDate asOf,
        Instant changedAt) {

    public static final String TYPE = "rapport.segmentation.churn-risk-raised.v1";
}
