package dev.rapport.feedback.adapter.out.persistence.agent;

import dev.rapport.feedback.adapter.out.persistence.Jdbc;
import dev.rapport.feedback.application.port.out.agent.AgentRepository;
import dev.rapport.feedback.domain.agent.Agent;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PostgresAgentRepository implements AgentRepository {

    private static final String COLUMNS = "id, name, team, categories, available, max_open, created_at";
    /** Serialises round-robin picks (transaction-scoped advisory lock). */
    private static final long ASSIGNMENT_LOCK = 0x6665_6564_6261_6301L;

    private final AgroalDataSource dataSource;

    public PostgresAgentRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void add(Agent a) {
        write("INSERT INTO agent (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                List.of(a.id(), a.name(), a.team(), a.categories().toArray(String[]::new), a.available(), a.maxOpen(),
                        a.createdAt()));
    }

    @Override
    public void replace(Agent a) {
        write("UPDATE agent SET name = ?, team = ?, categories = ?, available = ?, max_open = ? WHERE id = ?",
                List.of(a.name(), a.team(), a.categories().toArray(String[]::new), a.available(), a.maxOpen(), a.id()));
    }

    @Override
    public Optional<Agent> find(UUID id) {
        return select("SELECT " + COLUMNS + " FROM agent WHERE id = ?", List.of(id)).stream().findFirst();
    }

    @Override
    public List<Agent> all() {
        return select("SELECT " + COLUMNS + " FROM agent ORDER BY team, name, id LIMIT 1000", List.of());
    }

    @Override
    public Map<UUID, Integer> openLoads() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT assignee, count(*) FROM complaint WHERE assignee IS NOT NULL "
                             + "AND status NOT IN ('resolved', 'closed') GROUP BY assignee");
             ResultSet rs = statement.executeQuery()) {
            Map<UUID, Integer> loads = new HashMap<>();
            while (rs.next()) {
                loads.put(rs.getObject(1, UUID.class), rs.getInt(2));
            }
            return loads;
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("agent load read failed", e);
        }
    }

    @Override
    public Optional<Agent> takeNext(String category, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ASSIGNMENT_LOCK);
                lock.execute();
            }
            List<Agent> next = select(connection, "SELECT " + COLUMNS + " FROM agent a WHERE a.available "
                    + "AND a.categories @> ? AND a.max_open > (SELECT count(*) FROM complaint c WHERE c.assignee = a.id "
                    + "AND c.status NOT IN ('resolved', 'closed')) "
                    + "ORDER BY a.last_assigned_at ASC NULLS FIRST, a.id LIMIT 1",
                    List.<Object>of((Object) new String[] {category}));
            if (next.isEmpty()) {
                return Optional.empty();
            }
            Jdbc.update(connection, "UPDATE agent SET last_assigned_at = ? WHERE id = ?", List.of(now, next.get(0).id()));
            return Optional.of(next.get(0));
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("agent assignment failed", e);
        }
    }

    private void write(String sql, List<Object> parameters) {
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.update(connection, sql, parameters);
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("agent write failed", e);
        }
    }

    private List<Agent> select(String sql, List<Object> parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return select(connection, sql, parameters);
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("agent read failed", e);
        }
    }

    private static List<Agent> select(Connection connection, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                List<Agent> agents = new ArrayList<>();
                while (rs.next()) {
                    agents.add(new Agent(Jdbc.uuid(rs, "id"), rs.getString("name"), rs.getString("team"),
                            Jdbc.texts(rs, "categories"), rs.getBoolean("available"), rs.getInt("max_open"),
                            Jdbc.instant(rs, "created_at")));
                }
                return agents;
            }
        }
    }
}
