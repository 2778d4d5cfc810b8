package dev.rapport.customer.domain.purchase;

import java.util.Objects;
import java.util.UUID;

import dev.rapport.kernel.TimeOrderedIds;

/**
 * Ordered like PostgreSQL orders {@code uuid} values (bytes as unsigned numbers), so "the newest of
 * equally timed purchases" is the same in memory and in SQL ({@code ORDER BY occurred_at, id}).
 */
public record PurchaseId(UUID value) implements Comparable<PurchaseId> {

    public PurchaseId {
        Objects.requireNonNull(value, "value");
    }

    public static PurchaseId newId() {
        return new PurchaseId(TimeOrderedIds.next());
    }

    @Override
    public int compareTo(PurchaseId other) {
        int high = Long.compareUnsigned(value.getMostSignificantBits(), other.value.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(value.getLeastSignificantBits(), other.value.getLeastSignificantBits());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
