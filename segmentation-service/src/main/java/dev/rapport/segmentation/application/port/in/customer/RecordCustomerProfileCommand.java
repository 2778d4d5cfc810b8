package dev.rapport.segmentation.application.port.in.customer;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** From customer-registered / customer-updated: the facts segmentation keeps (nulls leave a fact as it is). */
public record RecordCustomerProfileCommand(UUID customerId, String externalId, String acquisitionChannel,
        Instant registeredAt) {

    public RecordCustomerProfileCommand {
        Objects.requireNonNull(customerId, "customerId");
    }
}
