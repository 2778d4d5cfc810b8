package dev.rapport.segmentation.application.port.in.purchase;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

public record RecordReturnCommand(UUID customerId, UUID purchaseId, UUID returnId, BigDecimal amount,
        String currency, Instant occurredAt) {

    public RecordReturnCommand {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(purchaseId, "purchaseId");
        Objects.requireNonNull(returnId, "returnId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
