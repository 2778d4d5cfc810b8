package dev.rapport.segmentation.application.port.in.purchase;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

public record RecordPurchaseCommand(UUID customerId, UUID purchaseId, String orderId, BigDecimal total,
        String currency, Instant occurredAt) {

    public RecordPurchaseCommand {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(purchaseId, "purchaseId");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
