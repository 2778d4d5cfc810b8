package dev.rapport.customer.application.port.in.customer;

import dev.rapport.kernel.change.ExpectedVersion;

import java.util.Objects;
import java.util.UUID;

public record UpdateCustomerCommand(UUID customerId, ExpectedVersion expectedVersion, CustomerChanges changes) {

    public UpdateCustomerCommand {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(changes, "changes");
    }
}
