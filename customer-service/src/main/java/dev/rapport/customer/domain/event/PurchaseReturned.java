package dev.rapport.customer.domain.event;

import java.time.Instant;

import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.purchase.Money;
import dev.rapport.customer.domain.purchase.OrderId;
import dev.rapport.customer.domain.purchase.PurchaseId;
import dev.rapport.customer.domain.purchase.ReturnId;
import dev.rapport.customer.domain.purchase.ReturnKey;

/** {@code returnKey} is null when the client gave none. {@code amount} is positive. */
public record PurchaseReturned(CustomerId customerId, PurchaseId purchaseId, OrderId orderId, ReturnId returnId,
                               ReturnKey returnKey, Money amount, Instant occurredAt, String reason)
        implements CustomerDomainEvent {
}
