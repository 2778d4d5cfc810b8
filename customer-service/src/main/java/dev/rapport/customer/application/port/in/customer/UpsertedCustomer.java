package dev.rapport.customer.application.port.in.customer;

import dev.rapport.customer.domain.customer.Customer;

/** The customer after an upsert; {@code created} tells a new record (201) from an existing one (200). */
public record UpsertedCustomer(Customer customer, boolean created) {
}
