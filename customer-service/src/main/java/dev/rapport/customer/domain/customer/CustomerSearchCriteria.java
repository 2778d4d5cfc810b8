package dev.rapport.customer.domain.customer;

import java.time.Instant;
import java.util.Locale;

/**
 * Filters for listing customers; every non-null filter must match. {@code text} matches
 * case-insensitively anywhere in the name, e-mail or company.
 */
public record CustomerSearchCriteria(String text, EmailAddress email, PhoneNumber phone, Tag tag,
                                     ExternalId externalId, Instant createdAfter) {

    public static final int TEXT_MAX = 200;

    public CustomerSearchCriteria {
        text = text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
    }
}
