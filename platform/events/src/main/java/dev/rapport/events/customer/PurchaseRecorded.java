package dev.rapport.events.customer;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A customer bought something. {@code total} is the sum of the lines, in {@code currency}. */
public record PurchaseRecorded(
        UUID customerId,
        UUID purchaseId,
        String orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
        String currency,
        Instant occurredAt,
        int lineCount) {

    public static final String TYPE = "rapport.customer.purchase-recorded.v1";
}
