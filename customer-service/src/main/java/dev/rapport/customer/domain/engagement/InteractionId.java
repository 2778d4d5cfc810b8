package dev.rapport.customer.domain.engagement;

import java.util.Objects;
import java.util.UUID;

import dev.rapport.kernel.TimeOrderedIds;

public record InteractionId(UUID value) {

    public InteractionId {
        Objects.requireNonNull(value, "value");
    }

    public static InteractionId newId() {
        return new InteractionId(TimeOrderedIds.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
