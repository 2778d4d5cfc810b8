package dev.rapport.customer.application.port.in.engagement;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Raw values as the client sent them; {@code idempotencyKey} may be null. */
public record LogInteractionCommand(UUID customerId, String channel, String direction, String summary,
                                    Instant occurredAt, String agent, String idempotencyKey) {

    public LogInteractionCommand {
        Objects.requireNonNull(customerId, "customerId");
    }
}
