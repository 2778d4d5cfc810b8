package dev.rapport.loyalty.application.port.in.reward;

import java.time.Instant;
import java.util.UUID;

/** Create ({@code id} null) or replace a reward. */
public record SaveRewardCommand(UUID id, String name, String description, Long pointsCost, Long stock,
                                Instant validFrom, Instant validUntil, String minimumTier) {
}
