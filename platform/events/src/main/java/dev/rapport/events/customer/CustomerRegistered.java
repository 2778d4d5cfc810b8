package dev.rapport.events.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A new customer record exists. {@code referralCode} is the code the customer was referred with, if any. */
public record CustomerRegistered(
        UUID customerId,
        String externalId,
        String email,
        String phone,
        String firstName,
        String lastName,
        String company,
        String acquisitionChannel,
        LocalDate birthday,
        String referralCode,
        List<String> tags,
        Instant registeredAt) {

    public static final String TYPE = "rapport.customer.customer-registered.v1";
}
