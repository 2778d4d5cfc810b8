package dev.rapport.segmentation.application.port.in.customer;

import java.util.Objects;
import java.util.UUID;

public record EraseCustomerCommand(UUID customerId, UUID erasureId) {

    public EraseCustomerCommand {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(erasureId, "erasureId");
    }
}
