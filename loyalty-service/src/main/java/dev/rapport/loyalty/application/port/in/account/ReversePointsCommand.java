package dev.rapport.loyalty.application.port.in.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record ReversePointsCommand(UUID customerId, String orderId, UUID returnId, BigDecimal amount, Instant occurredAt) {
}
