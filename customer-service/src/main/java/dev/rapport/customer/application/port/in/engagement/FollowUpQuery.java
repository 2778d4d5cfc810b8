package dev.rapport.customer.application.port.in.engagement;

import java.util.UUID;

/** Raw query parameters; {@code customerId} null lists every customer's follow-ups. */
public record FollowUpQuery(UUID customerId, String due, String owner, String status) {
}
