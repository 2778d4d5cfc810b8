package dev.rapport.customer.domain.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.kernel.Instants;
import dev.rapport.kernel.Texts;
import dev.rapport.kernel.Violations;
import dev.rapport.kernel.WireNames;

/**
 * One statement of consent, as captured: evidence, so it is never changed or deleted. The current
 * consent is derived from all of them by {@link ConsentState}.
 */
public record ConsentRecord(ConsentRecordId id, CustomerId customerId, ConsentChannel channel, ConsentPurpose purpose,
                            ConsentStatus status, String source, Instant capturedAt, Instant recordedAt) {

    public static final int SOURCE_MAX = 100;

    public ConsentRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /**
     * Validates a client's statement; every invalid field is reported at once. {@code capturedAt}
     * defaults to now and may not lie in the future at all (no clock-skew tolerance): a future
     * capture time would outrank a revocation recorded a moment later.
     *
     * @throws dev.rapport.kernel.InvalidInputException naming each invalid field
     */
    public static ConsentRecord capture(ConsentRecordId id, CustomerId customerId, String rawChannel,
                                        String rawPurpose, String rawStatus, String rawSource, Instant rawCapturedAt,
                                        Instant now) {
        Violations violations = new Violations();
        ConsentChannel channel = violations.check("channel", () -> WireNames.parse(ConsentChannel.class, rawChannel));
        ConsentPurpose purpose = violations.check("purpose", () -> WireNames.parse(ConsentPurpose.class, rawPurpose));
        ConsentStatus status = violations.check("status", () -> WireNames.parse(ConsentStatus.class, rawStatus));
        String source = violations.check("source", () -> Texts.required(rawSource, SOURCE_MAX));
        Instant capturedAt = violations.check("capturedAt",
                () -> Instants.notInFuture(rawCapturedAt, now, Duration.ZERO));
        violations.throwIfAny();
        return new ConsentRecord(id, customerId, channel, purpose, status, source, capturedAt, now);
    }

    public ConsentKey key() {
        return new ConsentKey(channel, purpose);
    }
}
