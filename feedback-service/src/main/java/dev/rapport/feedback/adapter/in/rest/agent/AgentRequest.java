package dev.rapport.feedback.adapter.in.rest.agent;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "AgentRequest", description = "An agent: team, the complaint categories the team takes, availability, maximum open load")
public record AgentRequest(
        @Schema(required = true, minLength = 1, maxLength = 100, examples = "Grace Hopper") String name,
        @Schema(required = true, maxLength = 50, pattern = "^[a-z0-9][a-z0-9-]*$", examples = "billing-desk") String team,
        @Schema(required = true, minItems = 1, maxItems = 50, examples = "[\"billing\", \"website\"]") List<String> categories,
        @Schema(description = "true when absent", examples = "true") Boolean available,
        @Schema(required = true, minimum = "1", maximum = "10000", examples = "10") Integer maxOpen) {
}
