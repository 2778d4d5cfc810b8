package dev.rapport.feedback.application.port.in.customer;

import java.util.UUID;

public record EraseCustomerDataCommand(UUID customerId, UUID erasureId) {
}
