package dev.rapport.customer.application.port.in.purchase;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.rapport.customer.domain.purchase.PurchaseLine;

public record RecordPurchaseCommand(UUID customerId, String orderId, String currency, Instant occurredAt,
                                    List<PurchaseLine.LineInput> lines) {

    public RecordPurchaseCommand {
        Objects.requireNonNull(customerId, "customerId");
    }
}
