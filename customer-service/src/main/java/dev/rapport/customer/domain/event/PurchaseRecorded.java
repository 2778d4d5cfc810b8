package dev.rapport.customer.domain.event;

import java.time.Instant;

import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.purchase.Money;
import dev.rapport.customer.domain.purchase.OrderId;
import dev.rapport.customer.domain.purchase.PurchaseId;

public record PurchaseRecorded(CustomerId customerId, PurchaseId purchaseId, OrderId orderId, Money total,
                               Instant occurredAt, int lineCount) implements CustomerDomainEvent {
}
