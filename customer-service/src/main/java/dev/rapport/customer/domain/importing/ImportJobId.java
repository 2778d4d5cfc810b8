package dev.rapport.customer.domain.importing;

import java.util.Objects;
import java.util.UUID;

import dev.rapport.kernel.TimeOrderedIds;

public record ImportJobId(UUID value) {

    public ImportJobId {
        Objects.requireNonNull(value, "value");
    }

    public static ImportJobId newId() {
        return new ImportJobId(TimeOrderedIds.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
