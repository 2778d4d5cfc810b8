package dev.rapport.loyalty.application.port.in.account;

import java.util.UUID;

/** An agent's correction: positive credits, negative debits; the reason and the agent are recorded. */
public record AdjustPointsCommand(UUID customerId, Long points, String reason, String agent) {
}
