package dev.rapport.feedback.application.port.in.consent;

import java.time.Instant;
import java.util.UUID;

/** The consent statement now in force for one customer, channel and purpose (from consent-changed). */
public record RecordConsentCommand(UUID customerId, String channel, String purpose, String status, Instant capturedAt) {
}
