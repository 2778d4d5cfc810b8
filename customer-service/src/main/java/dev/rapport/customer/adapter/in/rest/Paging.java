package dev.rapport.customer.adapter.in.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.application.port.in.PageRequest;
import dev.rapport.customer.config.CustomerServiceConfig;
import dev.rapport.customer.domain.customer.CustomerNotFoundException;
import dev.rapport.http.ProblemException;

/**
 * Parses query and path parameters by hand: JAX-RS would answer a malformed {@code limit} with a
 * bare 404, where a client deserves a 400 naming the parameter.
 */
@ApplicationScoped
class Paging {

    private final CustomerServiceConfig config;

    Paging(CustomerServiceConfig config) {
        this.config = config;
    }

    PageRequest request(String limit, String cursor, String cursorKind) {
        return new PageRequest(limit(limit), CursorCodec.decode(cursorKind, cursor));
    }

    private int limit(String raw) {
        int max = config.paging().maxLimit();
        if (raw == null || raw.isBlank()) {
            return Math.min(config.paging().defaultLimit(), max);
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ProblemException.badRequest("limit", "must be an integer from 1 to " + max);
    }

    static Instant instant(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO-8601 timestamp with offset, like 2024-01-31T10:15:30Z");
        }
    }

    /** A malformed id names no customer: 404, as for any unknown id. */
    static UUID customerId(String raw) {
        try {
            UUID id = UUID.fromString(raw);
            // fromString also takes short forms like 1-1-1-1-1; only the canonical form names a customer.
            if (id.toString().equalsIgnoreCase(raw)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new CustomerNotFoundException(raw);
    }
}
