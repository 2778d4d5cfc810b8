package dev.rapport.customer.adapter.in.rest.engagement;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.customer.domain.engagement.Interaction;
import dev.rapport.kernel.WireNames;

@Schema(name = "Interaction")
public record InteractionResponse(
        UUID id,
        UUID customerId,
        @Schema(enumeration = { "phone", "email", "sms", "meeting", "chat", "social", "other" }) String channel,
        @Schema(enumeration = { "inbound", "outbound" }) String direction,
        @Schema(maxLength = Interaction.SUMMARY_MAX) String summary,
        Instant occurredAt,
        @Schema(maxLength = Interaction.AGENT_MAX) String agent,
        Instant recordedAt) {

    static InteractionResponse of(Interaction interaction) {
        return new InteractionResponse(interaction.id().value(), interaction.customerId().value(),
                WireNames.of(interaction.channel()), WireNames.of(interaction.direction()), interaction.summary(),
                interaction.occurredAt(), interaction.agent(), interaction.recordedAt());
    }
}
