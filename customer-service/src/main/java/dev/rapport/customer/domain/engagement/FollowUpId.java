package dev.rapport.customer.domain.engagement;

import java.util.Objects;
import java.util.UUID;

import dev.rapport.kernel.TimeOrderedIds;

public record FollowUpId(UUID value) {

    public FollowUpId {
        Objects.requireNonNull(value, "value");
    }

    public static FollowUpId newId() {
        return new FollowUpId(TimeOrderedIds.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
