package dev.rapport.customer.application.port.in.customer;

import dev.rapport.kernel.paging.PageRequest;

import java.time.Instant;
import java.util.Objects;

/** Raw filters as a client sends them; null means "no filter". */
public record SearchCustomersQuery(String text, String email, String phone, String tag, String externalId,
                                   Instant createdAfter, PageRequest page) {

    public SearchCustomersQuery {
        Objects.requireNonNull(page, "page");
    }
}
