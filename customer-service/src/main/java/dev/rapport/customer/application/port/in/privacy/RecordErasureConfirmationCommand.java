package dev.rapport.customer.application.port.in.privacy;

import java.time.Instant;
import java.util.UUID;

public record RecordErasureConfirmationCommand(UUID customerId, UUID erasureId, String service, Instant confirmedAt) {
}
