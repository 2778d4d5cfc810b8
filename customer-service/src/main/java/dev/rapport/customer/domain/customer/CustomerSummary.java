package dev.rapport.customer.domain.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * Enough of a customer to recognise it in a list, as stored: legacy rows may hold values that
 * predate today's normalisation, so these are plain strings.
 */
public record CustomerSummary(UUID id, String externalId, String firstName, String lastName, String email,
                              String phone, String company, Instant createdAt) {
}
