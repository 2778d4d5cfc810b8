package dev.rapport.loyalty.application.port.in.account;

import java.time.Instant;
import java.util.UUID;

public record MergeAccountsCommand(UUID survivorId, UUID duplicateId, Instant mergedAt) {
}
