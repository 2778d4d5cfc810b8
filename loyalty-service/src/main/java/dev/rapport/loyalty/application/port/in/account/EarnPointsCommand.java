package dev.rapport.loyalty.application.port.in.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record EarnPointsCommand(UUID customerId, String orderId, BigDecimal total, String currency, Instant occurredAt) {
}
