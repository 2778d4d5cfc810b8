package dev.rapport.customer.adapter.in.rest.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.customer.domain.privacy.Erasure;

import dev.rapport.customer.domain.privacy.ErasureProgress;
import dev.rapport.customer.domain.privacy.ServiceName;

@Schema(name = "Erasure", description = "A GDPR erasure and which services have confirmed erasing their copy")
public record ErasureResponse(
        UUID erasureId,
        UUID customerId,
        Instant requestedAt,
        @Schema(description = "Principal forwarded by the gateway (jwt:<subject>, apikey:<name>) or unknown",
                maxLength = Erasure.ACTOR_MAX)
        String requestedBy,
        @Schema(maxLength = Erasure.REASON_MAX) String reason,
        @Schema(description = "Services that must confirm (configuration)",
                maxItems = ErasureProgress.MAX_REQUIRED_SERVICES) List<String> requiredServices,
        @Schema(description = "The first confirmation of each service that confirmed, required or not; no "
                + "business limit, maxItems is the largest list the service can build", maxItems = Integer.MAX_VALUE)
        List<Confirmation> confirmed,
        @Schema(description = "Required services that have not confirmed yet",
                maxItems = ErasureProgress.MAX_REQUIRED_SERVICES) List<String> pending,
        @Schema(description = "Every required service has confirmed") boolean complete) {

    @Schema(name = "ErasureConfirmation")
    public record Confirmation(@Schema(maxLength = ServiceName.MAX_LENGTH) String service, Instant confirmedAt) {
    }

    static ErasureResponse of(ErasureProgress progress) {
        var erasure = progress.erasure();
        return new ErasureResponse(erasure.id().value(), erasure.customerId().value(), erasure.requestedAt(),
                erasure.requestedBy(), erasure.reason(),
                progress.requiredServices().stream().map(ServiceName::value).toList(),
                progress.confirmed().stream().map(c -> new Confirmation(c.service().value(), c.confirmedAt())).toList(),
                progress.pending().stream().map(ServiceName::value).toList(),
                progress.complete());
    }
}
