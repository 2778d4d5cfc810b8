package dev.rapport.customer.domain.privacy;

import java.util.Objects;
import java.util.UUID;

import dev.rapport.kernel.TimeOrderedIds;

public record ErasureId(UUID value) {

    public ErasureId {
        Objects.requireNonNull(value, "value");
    }

    public static ErasureId newId() {
        return new ErasureId(TimeOrderedIds.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
