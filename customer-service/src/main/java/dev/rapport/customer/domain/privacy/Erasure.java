package dev.rapport.customer.domain.privacy;

import java.time.Instant;
import java.util.Objects;

import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.kernel.Texts;

/**
 * The audit record of one GDPR erasure: who asked, when, and why. Append-only; one per customer
 * (a repeated request answers with the first).
 *
 * @param requestedBy the authenticated principal the gateway forwarded ({@code jwt:<sub>},
 *                    {@code apikey:<name>}) or {@value #UNKNOWN_ACTOR}
 * @param reason      optional free text, at most {@value #REASON_MAX} characters
 */
public record Erasure(ErasureId id, CustomerId customerId, Instant requestedAt, String requestedBy, String reason) {

    public static final String UNKNOWN_ACTOR = "unknown";
    public static final int ACTOR_MAX = 200;
    public static final int REASON_MAX = 500;

    public Erasure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(requestedAt, "requestedAt");
        requestedBy = Texts.optional(requestedBy, ACTOR_MAX);
        if (requestedBy == null) {
            requestedBy = UNKNOWN_ACTOR;
        }
        reason = Texts.optional(reason, REASON_MAX);
    }
}
