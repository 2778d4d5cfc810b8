package dev.rapport.segmentation.domain.score;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.rapport.segmentation.domain.lifecycle.SpendTrend;

/**
 * What the service knows about a customer in the current run: the external id (null once erased), and the
 * score when the customer has counting purchases (none for a prospect).
 */
public record ScoredCustomer(UUID customerId, String externalId, LocalDate asOf, CustomerScore score,
        SpendTrend trend) {

    public ScoredCustomer {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(asOf, "asOf");
        trend = trend == null ? SpendTrend.NONE : trend;
    }

    public Optional<CustomerScore> scoreIfAny() {
        return Optional.ofNullable(score);
    }
}
