package dev.rapport.feedback.application.port.in.agent;

import dev.rapport.feedback.domain.agent.Agent;

/** Adds an agent or replaces one's team, categories, availability and maximum load. */
public interface SaveAgentUseCase {
    Agent add(SaveAgentCommand command);

    /** @throws dev.rapport.kernel.NotFoundException for an unknown agent */
    Agent replace(SaveAgentCommand command);
}
