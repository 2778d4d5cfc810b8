package dev.rapport.customer.domain.customer;

import java.util.Objects;
import java.util.UUID;

import dev.rapport.kernel.TimeOrderedIds;

public record CustomerId(UUID value) {

    public CustomerId {
        Objects.requireNonNull(value, "value");
    }

    public static CustomerId newId() {
        return new CustomerId(TimeOrderedIds.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
