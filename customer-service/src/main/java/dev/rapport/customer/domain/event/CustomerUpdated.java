package dev.rapport.customer.domain.event;

import java.time.Instant;
import java.util.List;

import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerProfile;

/** {@code profile} is the profile after the change; {@code version} the customer's new version. */
public record CustomerUpdated(CustomerId customerId, List<String> changedFields, CustomerProfile profile,
                              long version, Instant updatedAt) implements CustomerDomainEvent {

    public CustomerUpdated {
        changedFields = List.copyOf(changedFields);
    }

    @Override
    public Instant occurredAt() {
        return updatedAt;
    }
}
