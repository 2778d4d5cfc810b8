package dev.rapport.feedback.adapter.out.persistence.kpi;

import dev.rapport.feedback.adapter.out.persistence.Jdbc;
import dev.rapport.feedback.application.port.out.kpi.KpiFigures;
import dev.rapport.feedback.domain.kpi.KpiGrouping;
import dev.rapport.feedback.domain.kpi.Kpis;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** KPIs as aggregate queries; group expressions are constants chosen by {@link KpiGrouping}, never input. */
@ApplicationScoped
public class PostgresKpiFigures implements KpiFigures {

    private final AgroalDataSource dataSource;

    public PostgresKpiFigures(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Map<String, Kpis> feedback(KpiGrouping groupBy, Instant from, Instant to) {
        if (groupBy != null && groupBy != KpiGrouping.CHANNEL) {
            return Map.of();
        }
        String key = groupBy == null ? "'all'" : "channel";
        return query("SELECT " + key + " AS k, count(*), avg(sentiment_score) FROM feedback "
                + "WHERE received_at >= ? AND received_at < ? GROUP BY 1", List.of(from, to), rs -> new Kpis(
                rs.getLong(2), round(rs.getDouble(3), 3), null, null, null, null, null, null, null, null, null, null,
                null, null));
    }

    @Override
    public Map<String, Kpis> surveys(KpiGrouping groupBy, Instant from, Instant to) {
        if (groupBy != null && groupBy != KpiGrouping.CHANNEL) {
            return Map.of();
        }
        String key = groupBy == null ? "'all'" : "s.channel";
        return query("SELECT " + key + " AS k, "
                + "count(*) FILTER (WHERE s.type = 'CSAT'), "
                + "100.0 * count(*) FILTER (WHERE s.type = 'CSAT' AND r.score >= 4) / NULLIF(count(*) FILTER (WHERE s.type = 'CSAT'), 0), "
                + "count(*) FILTER (WHERE s.type = 'NPS'), "
                + "100.0 * (count(*) FILTER (WHERE s.type = 'NPS' AND r.score >= 9) - count(*) FILTER (WHERE s.type = 'NPS' AND r.score <= 6)) "
                + "/ NULLIF(count(*) FILTER (WHERE s.type = 'NPS'), 0) "
                + "FROM survey_response r JOIN survey s ON s.id = r.survey_id "
                + "WHERE r.answered_at >= ? AND r.answered_at < ? GROUP BY 1", List.of(from, to), rs -> new Kpis(
                null, null, rs.getLong(2), nullableRound(rs, 3), rs.getLong(4), nullableRound(rs, 5), null, null, null,
                null, null, null, null, null));
    }

    @Override
    public Map<String, Kpis> complaints(KpiGrouping groupBy, Instant from, Instant to) {
        String key;
        String join = "";
        if (groupBy == null) {
            key = "'all'";
        } else {
            switch (groupBy) {
                case CHANNEL -> key = "c.channel";
                case CATEGORY -> key = "c.category";
                default -> {
                    key = "COALESCE(a.team, 'unassigned')";
                    join = " LEFT JOIN agent a ON a.id = c.assignee";
                }
            }
        }
        String opened = "c.opened_at >= ? AND c.opened_at < ?";
        String resolved = "c.resolved_at >= ? AND c.resolved_at < ?";
        String firstHours = "extract(epoch FROM (c.first_responded_at - c.opened_at)) / 3600";
        String resolutionHours = "extract(epoch FROM (c.resolved_at - c.opened_at)) / 3600";
        String sql = "SELECT " + key + " AS k, "
                + "count(*) FILTER (WHERE " + opened + "), "
                + "count(*) FILTER (WHERE " + resolved + "), "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY " + firstHours + ") FILTER (WHERE " + opened + " AND c.first_responded_at IS NOT NULL), "
                + "percentile_cont(0.9) WITHIN GROUP (ORDER BY " + firstHours + ") FILTER (WHERE " + opened + " AND c.first_responded_at IS NOT NULL), "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY " + resolutionHours + ") FILTER (WHERE " + resolved + "), "
                + "percentile_cont(0.9) WITHIN GROUP (ORDER BY " + resolutionHours + ") FILTER (WHERE " + resolved + "), "
                + "100.0 * count(*) FILTER (WHERE " + resolved + " AND c.resolved_at <= c.resolution_due_at "
                + "AND c.first_responded_at <= c.first_response_due_at) / NULLIF(count(*) FILTER (WHERE " + resolved + "), 0), "
                + "100.0 * count(*) FILTER (WHERE " + opened + " AND c.first_responded_at <= c.opened_at + interval '24 hours') "
                + "/ NULLIF(count(*) FILTER (WHERE " + opened + "), 0) "
                + "FROM complaint c" + join + " WHERE (" + opened + ") OR (" + resolved + ") GROUP BY 1";
        // Every condition is a (from, to) pair of placeholders.
        List<Object> p = new java.util.ArrayList<>();
        for (long i = sql.chars().filter(ch -> ch == '?').count() / 2; i > 0; i--) {
            p.add(from);
            p.add(to);
        }
        return query(sql, p, rs -> new Kpis(null, null, null, null, null, null, rs.getLong(2), rs.getLong(3),
                nullableRound(rs, 4), nullableRound(rs, 5), nullableRound(rs, 6), nullableRound(rs, 7),
                nullableRound(rs, 8), nullableRound(rs, 9)));
    }

    private interface RowMapper {
        Kpis map(ResultSet rs) throws SQLException;
    }

    private Map<String, Kpis> query(String sql, List<Object> parameters, RowMapper mapper) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.bind(statement, parameters);
            Map<String, Kpis> rows = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("KPI query failed", e);
        }
    }

    private static Double nullableRound(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : round(value, 1);
    }

    private static double round(double value, int decimals) {
        double factor = Math.pow(10, decimals);
        return Math.round(value * factor) / factor;
    }
}
