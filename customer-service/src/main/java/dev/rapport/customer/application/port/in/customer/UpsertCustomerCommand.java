package dev.rapport.customer.application.port.in.customer;

import dev.rapport.kernel.change.ExpectedVersion;

import java.util.Objects;

/**
 * {@code PUT /customers/by-external-id/{externalId}}: the whole profile a partner has of the customer.
 * {@code mustExist} is true when the client sent any If-Match (even {@code *}): then only an existing
 * customer may be changed (RFC 9110), never one created.
 */
public record UpsertCustomerCommand(String externalId, boolean mustExist, ExpectedVersion expectedVersion,
                                    RegisterCustomerCommand document) {

    public UpsertCustomerCommand {
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(document, "document");
    }
}
