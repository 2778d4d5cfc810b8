package dev.rapport.customer.application.port.in.privacy;

import java.util.UUID;

/** {@code requestedBy} is the forwarded principal or null; {@code reason} optional free text. */
public record EraseCustomerCommand(UUID customerId, String requestedBy, String reason) {
}
