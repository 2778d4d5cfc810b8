package dev.rapport.customer.domain.purchase;

import java.util.Objects;
import java.util.UUID;

import dev.rapport.customer.domain.shared.TimeOrderedIds;

public record PurchaseId(UUID value) {

    public PurchaseId {
        Objects.requireNonNull(value, "value");
    }

    public static PurchaseId newId() {
        return new PurchaseId(TimeOrderedIds.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
