package dev.rapport.customer.application.port.in.purchase;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.rapport.customer.domain.purchase.Purchase;

/** {@code lines == null} returns everything still returnable. */
public record RecordReturnCommand(UUID customerId, String orderId, String returnKey,
                                  List<Purchase.ReturnLineInput> lines, String reason, Instant occurredAt) {

    public RecordReturnCommand {
        Objects.requireNonNull(customerId, "customerId");
    }
}
