package dev.rapport.customer.application.port.in.engagement;

import dev.rapport.customer.domain.engagement.Interaction;

/** {@code created} is false when the Idempotency-Key was seen before and this was a retry. */
public record LoggedInteraction(Interaction interaction, boolean created) {
}
