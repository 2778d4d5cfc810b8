package dev.rapport.customer.domain.engagement;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.kernel.Instants;
import dev.rapport.kernel.Texts;
import dev.rapport.kernel.Violations;
import dev.rapport.kernel.WireNames;

/** One contact with a customer, as logged by an agent. Insert-only. */
public record Interaction(InteractionId id, CustomerId customerId, InteractionChannel channel,
                          InteractionDirection direction, String summary, Instant occurredAt, String agent,
                          IdempotencyKey idempotencyKey, Instant recordedAt) {

    public static final int SUMMARY_MAX = 2000;
    public static final int AGENT_MAX = 100;
    /** Clocks of phones and laptops drift; a little future is tolerated, as for purchases. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public Interaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /**
     * Validates a client's interaction; every invalid field is reported at once. {@code occurredAt}
     * defaults to now. {@code idempotencyKey} may be null.
     *
     * @throws dev.rapport.kernel.InvalidInputException naming each invalid field
     */
    public static Interaction log(InteractionId id, CustomerId customerId, String rawChannel, String rawDirection,
                                  String rawSummary, Instant rawOccurredAt, String rawAgent,
                                  String rawIdempotencyKey, Instant now) {
        Violations violations = new Violations();
        InteractionChannel channel = violations.check("channel",
                () -> WireNames.parse(InteractionChannel.class, rawChannel));
        InteractionDirection direction = violations.check("direction",
                () -> WireNames.parse(InteractionDirection.class, rawDirection));
        String summary = violations.check("summary", () -> Texts.required(rawSummary, SUMMARY_MAX));
        Instant occurredAt = violations.check("occurredAt", () -> Instants.notInFuture(rawOccurredAt, now, CLOCK_SKEW));
        String agent = violations.check("agent", () -> Texts.required(rawAgent, AGENT_MAX));
        IdempotencyKey key = violations.optional("Idempotency-Key", rawIdempotencyKey, IdempotencyKey::new);
        violations.throwIfAny();
        return new Interaction(id, customerId, channel, direction, summary, occurredAt, agent, key, now);
    }

    /**
     * True when {@code retry} describes the same contact: channel, direction, summary and agent.
     * {@code occurredAt} may differ, since a retry that left it out defaults it to a later now.
     */
    public boolean isSameAs(Interaction retry) {
        return channel == retry.channel && direction == retry.direction && summary.equals(retry.summary)
                && agent.equals(retry.agent) && customerId.equals(retry.customerId);
    }
}
