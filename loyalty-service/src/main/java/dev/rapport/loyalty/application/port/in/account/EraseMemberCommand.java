package dev.rapport.loyalty.application.port.in.account;

import java.util.UUID;

public record EraseMemberCommand(UUID customerId, UUID erasureId) {
}
