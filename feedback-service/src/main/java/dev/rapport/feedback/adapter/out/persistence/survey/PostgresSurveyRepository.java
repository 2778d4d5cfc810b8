package dev.rapport.feedback.adapter.out.persistence.survey;

import dev.rapport.feedback.adapter.out.persistence.Jdbc;
import dev.rapport.feedback.application.port.out.survey.SurveyRepository;
import dev.rapport.feedback.domain.survey.Survey;
import dev.rapport.feedback.domain.survey.SurveyChannel;
import dev.rapport.feedback.domain.survey.SurveyResponse;
import dev.rapport.feedback.domain.survey.SurveyType;
import dev.rapport.kernel.WireNames;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class PostgresSurveyRepository implements SurveyRepository {

    private final AgroalDataSource dataSource;

    public PostgresSurveyRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void add(Survey s) {
        update("INSERT INTO survey (id, type, question, channel, throttle_days, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                List.of(s.id(), s.type().name(), s.question(), WireNames.of(s.channel()), s.throttleDays(), s.createdAt()));
    }

    @Override
    public Optional<Survey> find(UUID id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT id, type, question, channel, throttle_days, created_at FROM survey WHERE id = ?")) {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Survey(Jdbc.uuid(rs, "id"), SurveyType.parse(rs.getString("type")),
                        rs.getString("question"), WireNames.parse(SurveyChannel.class, rs.getString("channel")),
                        rs.getInt("throttle_days"), Jdbc.instant(rs, "created_at")));
            }
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("survey read failed", e);
        }
    }

    @Override
    public void lockCustomer(UUID surveyId, UUID customerId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            lock.setString(1, "survey:" + surveyId + ":" + customerId);
            lock.execute();
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("survey lock failed", e);
        }
    }

    @Override
    public void addResponse(SurveyResponse r) {
        update("INSERT INTO survey_response (id, survey_id, customer_id, score, comment, answered_at) VALUES (?, ?, ?, ?, ?, ?)",
                Arrays.asList(r.id(), r.surveyId(), r.customerId(), r.score(), r.comment(), r.answeredAt()));
    }

    @Override
    public boolean answeredSince(UUID surveyId, UUID customerId, Instant since) {
        return !ids("SELECT customer_id FROM survey_response WHERE survey_id = ? AND customer_id = ? AND answered_at >= ? LIMIT 1",
                List.of(surveyId, customerId, since)).isEmpty();
    }

    @Override
    public Set<UUID> contactedSince(UUID surveyId, Collection<UUID> customers, Instant since) {
        Set<UUID> contacted = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT customer_id FROM survey_response WHERE survey_id = ? AND customer_id = ANY (?) AND answered_at >= ? "
                             + "UNION SELECT customer_id FROM survey_invitation WHERE survey_id = ? AND customer_id = ANY (?) "
                             + "AND requested_at >= ?")) {
            java.sql.Array ids = connection.createArrayOf("uuid", customers.toArray());
            Jdbc.bind(statement, List.of(surveyId, ids, since, surveyId, ids, since));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    contacted.add(rs.getObject(1, UUID.class));
                }
            }
            return contacted;
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("survey read failed", e);
        }
    }

    @Override
    public void addInvitations(UUID surveyId, List<UUID> customers, Instant at) {
        try (Connection connection = dataSource.getConnection()) {
            for (UUID customer : customers) {
                Jdbc.update(connection, "INSERT INTO survey_invitation (survey_id, customer_id, requested_at) VALUES (?, ?, ?)",
                        List.of(surveyId, customer, at));
            }
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("invitation write failed", e);
        }
    }

    @Override
    public Map<Integer, Long> distribution(UUID surveyId, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("SELECT score, count(*) FROM survey_response WHERE survey_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(surveyId));
        if (from != null) {
            sql.append(" AND answered_at >= ?");
            parameters.add(from);
        }
        if (to != null) {
            sql.append(" AND answered_at < ?");
            parameters.add(to);
        }
        sql.append(" GROUP BY score");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            Jdbc.bind(statement, parameters);
            Map<Integer, Long> distribution = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    distribution.put(rs.getInt(1), rs.getLong(2));
                }
            }
            return distribution;
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("survey results failed", e);
        }
    }

    @Override
    public int eraseComments(UUID customerId) {
        return update("UPDATE survey_response SET comment = NULL WHERE customer_id = ? AND comment IS NOT NULL",
                List.of(customerId));
    }

    @Override
    public int reassign(UUID fromCustomerId, UUID toCustomerId) {
        update("UPDATE survey_invitation SET customer_id = ? WHERE customer_id = ?", List.of(toCustomerId, fromCustomerId));
        return update("UPDATE survey_response SET customer_id = ? WHERE customer_id = ?", List.of(toCustomerId, fromCustomerId));
    }

    private List<UUID> ids(String sql, List<Object> parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.bind(statement, parameters);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("survey read failed", e);
        }
    }

    private int update(String sql, List<Object> parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return Jdbc.update(connection, sql, parameters);
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("survey write failed", e);
        }
    }
}
