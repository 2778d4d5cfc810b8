package dev.rapport.customer.domain.consent;

import java.util.Objects;
import java.util.UUID;

import dev.rapport.kernel.TimeOrderedIds;

public record ConsentRecordId(UUID value) {

    public ConsentRecordId {
        Objects.requireNonNull(value, "value");
    }

    public static ConsentRecordId newId() {
        return new ConsentRecordId(TimeOrderedIds.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
