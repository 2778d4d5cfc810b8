package dev.rapport.feedback.adapter.in.rest.agent;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "AgentList", description = "All agents (at most 1,000) by team and name; nextCursor is always null")
public record AgentListResponse(@Schema(maxItems = 1000) List<AgentResponse> items,
                                @Schema(maxLength = 200, nullable = true) String nextCursor) {
}
