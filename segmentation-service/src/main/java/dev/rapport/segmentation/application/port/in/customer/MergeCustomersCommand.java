package dev.rapport.segmentation.application.port.in.customer;

import java.util.Objects;
import java.util.UUID;

public record MergeCustomersCommand(UUID survivorId, UUID duplicateId) {

    public MergeCustomersCommand {
        Objects.requireNonNull(survivorId, "survivorId");
        Objects.requireNonNull(duplicateId, "duplicateId");
        if (survivorId.equals(duplicateId)) {
            throw new IllegalArgumentException("a customer cannot be merged into itself");
        }
    }
}
