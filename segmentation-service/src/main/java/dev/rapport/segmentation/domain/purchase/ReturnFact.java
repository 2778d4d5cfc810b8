package dev.rapport.segmentation.domain.purchase;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Goods of a purchase that came back; kept apart, it does not change R, F or M. */
public record ReturnFact(UUID returnId, UUID purchaseId, UUID customerId, BigDecimal amount, String currency,
        Instant occurredAt) {

    public ReturnFact {
        Objects.requireNonNull(returnId, "returnId");
        Objects.requireNonNull(purchaseId, "purchaseId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
