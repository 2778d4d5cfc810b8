package dev.rapport.customer.application.port.in.purchase;

import dev.rapport.customer.domain.purchase.Purchase;

/** {@code created} is false when the order was recorded before and this was a repeat. */
public record RecordedPurchase(Purchase purchase, boolean created) {
}
