package dev.rapport.customer.adapter.in.rest.consent;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.customer.domain.consent.ConsentRecord;

@Schema(name = "RecordConsentRequest", description = "One consent statement for the channel and purpose in the path")
public record RecordConsentRequest(
        @Schema(description = "What the customer said", required = true,
                enumeration = { "granted", "denied", "revoked" }, examples = "granted") String status,
        @Schema(description = "Where it was captured", required = true, maxLength = ConsentRecord.SOURCE_MAX, examples = "web-form")
        String source,
        @Schema(description = "When the customer said it; defaults to now, must not be in the future")
        Instant capturedAt) {
}
