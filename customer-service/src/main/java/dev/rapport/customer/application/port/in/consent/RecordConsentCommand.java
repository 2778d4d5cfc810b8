package dev.rapport.customer.application.port.in.consent;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Raw values as the client sent them; the domain validates. */
public record RecordConsentCommand(UUID customerId, String channel, String purpose, String status, String source,
                                   Instant capturedAt) {

    public RecordConsentCommand {
        Objects.requireNonNull(customerId, "customerId");
    }
}
