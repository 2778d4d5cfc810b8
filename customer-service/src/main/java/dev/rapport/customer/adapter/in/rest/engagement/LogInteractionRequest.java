package dev.rapport.customer.adapter.in.rest.engagement;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.customer.domain.engagement.Interaction;

@Schema(name = "LogInteractionRequest", description = "One contact with the customer")
public record LogInteractionRequest(
        @Schema(required = true, enumeration = { "phone", "email", "sms", "meeting", "chat", "social", "other" },
                examples = "phone") String channel,
        @Schema(required = true, enumeration = { "inbound", "outbound" }, examples = "inbound") String direction,
        @Schema(description = "What it was about; free text, stays in this service", required = true, maxLength = Interaction.SUMMARY_MAX)
        String summary,
        @Schema(description = "When it happened; defaults to now, at most 5 minutes in the future") Instant occurredAt,
        @Schema(description = "Who handled it", required = true, maxLength = Interaction.AGENT_MAX, examples = "j.smith") String agent) {
}
