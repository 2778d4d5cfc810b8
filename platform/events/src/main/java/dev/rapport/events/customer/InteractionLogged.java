package dev.rapport.events.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone had contact with a customer. Carries no summary: it is free text and may hold personal
 * data, so it stays in customer-service. {@code channel} is one of {@code phone, email, sms, meeting,
 * chat, social, other}; {@code direction} {@code inbound} or {@code outbound}.
 */
public record InteractionLogged(
        UUID customerId,
        UUID interactionId,
        String channel,
        String direction,
        Instant occurredAt,
        String agent) {

    public static final String TYPE = "rapport.customer.interaction-logged.v1";
}
