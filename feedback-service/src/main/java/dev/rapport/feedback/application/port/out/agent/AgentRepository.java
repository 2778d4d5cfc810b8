package dev.rapport.feedback.application.port.out.agent;

import dev.rapport.feedback.domain.agent.Agent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Stored agents and the round-robin state. */
public interface AgentRepository {

    void add(Agent agent);

    void replace(Agent agent);

    Optional<Agent> find(UUID id);

    List<Agent> all();

    /** Open (not resolved or closed) complaints per agent. */
    Map<UUID, Integer> openLoads();

    /**
     * The next agent for a complaint of {@code category}: available, below its maximum open load, whose
     * categories include it, least recently assigned first (never assigned first, then by id); its last
     * assignment becomes {@code now}. Concurrent callers are serialised, so two complaints never both take
     * an agent's last free slot. Empty when nobody qualifies.
     */
    Optional<Agent> takeNext(String category, Instant now);
}
