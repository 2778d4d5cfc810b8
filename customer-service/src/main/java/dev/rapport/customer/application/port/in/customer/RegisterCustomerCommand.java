package dev.rapport.customer.application.port.in.customer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A new customer as a client describes it; validated by the domain. */
public record RegisterCustomerCommand(
        String externalId,
        String firstName,
        String lastName,
        String email,
        String phone,
        String company,
        String jobTitle,
        String acquisitionChannel,
        Map<String, String> preferences,
        List<String> tags,
        Map<String, String> attributes,
        LocalDate birthday,
        String referralCode) {
}
