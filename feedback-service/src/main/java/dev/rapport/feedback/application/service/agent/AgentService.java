package dev.rapport.feedback.application.service.agent;

import dev.rapport.feedback.application.port.in.agent.ListAgentsUseCase;
import dev.rapport.feedback.application.port.in.agent.SaveAgentCommand;
import dev.rapport.feedback.application.port.in.agent.SaveAgentUseCase;
import dev.rapport.feedback.application.port.out.agent.AgentRepository;
import dev.rapport.feedback.domain.agent.Agent;
import dev.rapport.kernel.NotFoundException;
import dev.rapport.kernel.TimeOrderedIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class AgentService implements SaveAgentUseCase, ListAgentsUseCase {

    private final AgentRepository agents;
    private final Clock clock;

    public AgentService(AgentRepository agents, Clock clock) {
        this.agents = agents;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Agent add(SaveAgentCommand c) {
        Agent agent = Agent.of(TimeOrderedIds.next(), c.name(), c.team(), c.categories(), c.available(), c.maxOpen(),
                clock.instant());
        agents.add(agent);
        return agent;
    }

    @Override
    @Transactional
    public Agent replace(SaveAgentCommand c) {
        Agent existing = agents.find(c.id()).orElseThrow(() -> new NotFoundException("Agent", "no agent " + c.id()));
        Agent agent = Agent.of(existing.id(), c.name(), c.team(), c.categories(), c.available(), c.maxOpen(),
                existing.createdAt());
        agents.replace(agent);
        return agent;
    }

    @Override
    public List<AgentLoad> list() {
        Map<UUID, Integer> loads = agents.openLoads();
        return agents.all().stream()
                .sorted(Comparator.comparing(Agent::team).thenComparing(Agent::name).thenComparing(Agent::id))
                .map(a -> new AgentLoad(a, loads.getOrDefault(a.id(), 0))).toList();
    }

    @Override
    public AgentLoad get(UUID id) {
        Agent agent = agents.find(id).orElseThrow(() -> new NotFoundException("Agent", "no agent " + id));
        return new AgentLoad(agent, agents.openLoads().getOrDefault(id, 0));
    }
}
