package dev.rapport.customer.adapter.in.rest;

import dev.rapport.http.QueryParameters;


import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.customer.config.CustomerServiceConfig;
import dev.rapport.customer.domain.customer.CustomerNotFoundException;

/**
 * Parses query and path parameters by hand: JAX-RS would answer a malformed {@code limit} with a
 * bare 404, where a client deserves a 400 naming the parameter.
 */
@Startup
@ApplicationScoped
public class Paging {

    public static final String CUSTOMERS_CURSOR = "c1";
    public static final String PURCHASES_CURSOR = "p1";
    /** The largest page the OpenAPI document promises; rapport.customer.paging.max-limit may not exceed it. */
    public static final int MAX_PAGE_SIZE = 100;

    private final CustomerServiceConfig config;

    Paging(CustomerServiceConfig config) {
        if (config.paging().maxLimit() > MAX_PAGE_SIZE) {
            throw new IllegalStateException("rapport.customer.paging.max-limit may be at most " + MAX_PAGE_SIZE
                    + ", is " + config.paging().maxLimit());
        }
        this.config = config;
    }

    public PageRequest request(String limit, String cursor, String cursorKind) {
        return QueryParameters.page(limit, cursor, cursorKind, config.paging().defaultLimit(), config.paging().maxLimit());
    }

    public static Instant instant(String name, String raw) {
        return QueryParameters.instant(name, raw);
    }

    /** A malformed id names no customer: 404, as for any unknown id. */
    public static UUID customerId(String raw) {
        UUID id = QueryParameters.uuidOrNull(raw);
        if (id == null) {
            throw new CustomerNotFoundException(raw);
        }
        return id;
    }
}
