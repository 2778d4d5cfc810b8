package dev.rapport.segmentation.domain.purchase;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A recorded purchase as segmentation keeps it: one per purchase id. */
public record PurchaseFact(UUID purchaseId, UUID customerId, String orderId, BigDecimal total, String currency,
        Instant occurredAt) {

    public PurchaseFact {
        Objects.requireNonNull(purchaseId, "purchaseId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO-4217 code");
        }
    }
}
