package dev.rapport.feedback.application.port.in.agent;

import dev.rapport.feedback.domain.agent.Agent;

import java.util.List;
import java.util.UUID;

public interface ListAgentsUseCase {
    /** Agents by team and name, with their current open load. */
    List<AgentLoad> list();

    AgentLoad get(UUID id);

    record AgentLoad(Agent agent, int openComplaints) {
    }
}
