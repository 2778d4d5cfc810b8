package dev.rapport.customer.application.port.in.purchase;

import dev.rapport.customer.domain.purchase.Purchase;
import dev.rapport.customer.domain.purchase.PurchaseReturn;

/** The purchase after the return; {@code created} is false for a repeat with the same return key. */
public record RecordedReturn(Purchase purchase, PurchaseReturn purchaseReturn, boolean created) {
}
