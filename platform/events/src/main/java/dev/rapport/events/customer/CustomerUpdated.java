package dev.rapport.events.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A customer's profile changed. Carries the names of the changed fields and the current values of
 * the fields other services keep a copy of, so a consumer never has to call back.
 */
public record CustomerUpdated(
        UUID customerId,
        List<String> changedFields,
        String externalId,
        String email,
        String phone,
        String firstName,
        String lastName,
        String company,
        LocalDate birthday,
        List<String> tags,
        long version,
        Instant updatedAt) {

    public static final String TYPE = "rapport.customer.customer-updated.v1";
}
