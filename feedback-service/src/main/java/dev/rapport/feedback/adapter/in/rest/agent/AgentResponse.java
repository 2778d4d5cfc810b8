package dev.rapport.feedback.adapter.in.rest.agent;

import dev.rapport.feedback.application.port.in.agent.ListAgentsUseCase.AgentLoad;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Agent")
public record AgentResponse(
        UUID id,
        @Schema(maxLength = 100) String name,
        @Schema(maxLength = 50) String team,
        @Schema(maxItems = 50) List<String> categories,
        boolean available,
        @Schema(minimum = "1", maximum = "10000") int maxOpen,
        @Schema(description = "open complaints assigned now", minimum = "0") int openComplaints,
        Instant createdAt) {

    static AgentResponse of(AgentLoad load) {
        var a = load.agent();
        return new AgentResponse(a.id(), a.name(), a.team(), a.categories(), a.available(), a.maxOpen(),
                load.openComplaints(), a.createdAt());
    }
}
