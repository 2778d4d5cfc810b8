package dev.rapport.events.customer;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Goods of a recorded purchase came back. {@code amount} is the value returned (positive), so
 * consumers subtract it from the purchase's total; {@code returnKey} is the client's natural key.
 */
public record PurchaseReturned(
        UUID customerId,
        UUID purchaseId,
        String orderId,
        UUID returnId,
        String returnKey,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String currency,
        Instant occurredAt,
        String reason) {

    public static final String TYPE = "rapport.customer.purchase-returned.v1";
}
