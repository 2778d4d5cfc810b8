package dev.rapport.customer.domain.purchase;

import java.util.Objects;
import java.util.UUID;

import dev.rapport.kernel.TimeOrderedIds;

public record ReturnId(UUID value) {

    public ReturnId {
        Objects.requireNonNull(value, "value");
    }

    public static ReturnId newId() {
        return new ReturnId(TimeOrderedIds.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
