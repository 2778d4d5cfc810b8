package dev.rapport.customer.adapter.in.rest.consent;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.customer.domain.consent.ConsentRecord;
import dev.rapport.kernel.WireNames;

@Schema(name = "Consent", description = "One consent statement")
public record ConsentResponse(
        @Schema(enumeration = { "email", "sms", "phone", "post" }) String channel,
        @Schema(enumeration = { "marketing", "service", "profiling" }) String purpose,
        @Schema(enumeration = { "granted", "denied", "revoked" }) String status,
        @Schema(maxLength = ConsentRecord.SOURCE_MAX) String source,
        Instant capturedAt,
        @Schema(description = "When this service stored the statement") Instant recordedAt) {

    static ConsentResponse of(ConsentRecord record) {
        return new ConsentResponse(WireNames.of(record.channel()), WireNames.of(record.purpose()),
                WireNames.of(record.status()), record.source(), record.capturedAt(), record.recordedAt());
    }
}
