package dev.rapport.feedback.adapter.out.persistence.complaint;

import dev.rapport.feedback.adapter.out.persistence.Jdbc;
import dev.rapport.feedback.application.port.out.complaint.SlaNoticeClaims;
import dev.rapport.feedback.domain.complaint.SlaNotice;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims SLA notices with one {@code UPDATE ... RETURNING} per kind: the mark column (e.g.
 * {@code resolution_breached_at}) is set in the caller's transaction, so the outbox rows appended for the
 * returned notices commit with it. Rows locked by a concurrent change are skipped and claimed next scan.
 */
@ApplicationScoped
public class PostgresSlaNoticeClaims implements SlaNoticeClaims {

    /** Transaction-scoped advisory lock: one scanning instance at a time. */
    static final long SCAN_LOCK = 0x6665_6564_736c_6101L;

    /**
     * Exactly the predicates of the partial indexes complaint_first_response_pending and
     * complaint_resolution_pending (V7): every claim reads one of them, which holds only deadlines whose
     * breach is still to be sent, so a scan costs the deadlines due since the last one, not all open complaints.
     */
    private static final String FIRST_PENDING = "first_response_breached_at IS NULL AND first_responded_at IS NULL "
            + "AND status NOT IN ('resolved', 'closed') AND paused_since IS NULL";
    private static final String RESOLUTION_PENDING = "resolution_breached_at IS NULL AND resolved_at IS NULL "
            + "AND status NOT IN ('resolved', 'closed') AND paused_since IS NULL";

    private final DataSource dataSource;

    /** Any DataSource: the service injects its pool; bench/feedback-sla-bench.sh a single connection. */
    public PostgresSlaNoticeClaims(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean tryLockScan() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, SCAN_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("SLA scan lock failed", e);
        }
    }

    @Override
    public List<SlaNotice> claim(Instant now, Duration warningBefore, int limit) {
        Instant horizon = now.plus(warningBefore);
        List<SlaNotice> notices = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            // Breaches first: a deadline found already passed gets its breach, and no late warning.
            claim(connection, notices, SlaNotice.Deadline.FIRST_RESPONSE, SlaNotice.Kind.BREACH,
                    "first_response_breached_at", "first_response_due_at",
                    FIRST_PENDING + " AND first_response_due_at <= ?", List.of(now),
                    now, limit, "first_response_warned_at = COALESCE(first_response_warned_at, ?), ");
            claim(connection, notices, SlaNotice.Deadline.RESOLUTION, SlaNotice.Kind.BREACH,
                    "resolution_breached_at", "resolution_due_at",
                    RESOLUTION_PENDING + " AND resolution_due_at <= ?", List.of(now),
                    now, limit, "resolution_warned_at = COALESCE(resolution_warned_at, ?), ");
            claim(connection, notices, SlaNotice.Deadline.FIRST_RESPONSE, SlaNotice.Kind.WARNING,
                    "first_response_warned_at", "first_response_due_at",
                    FIRST_PENDING + " AND first_response_warned_at IS NULL AND first_response_due_at > ? "
                            + "AND first_response_due_at <= ?", List.of(now, horizon), now, limit, null);
            claim(connection, notices, SlaNotice.Deadline.RESOLUTION, SlaNotice.Kind.WARNING,
                    "resolution_warned_at", "resolution_due_at",
                    RESOLUTION_PENDING + " AND resolution_warned_at IS NULL AND resolution_due_at > ? "
                            + "AND resolution_due_at <= ?", List.of(now, horizon), now, limit, null);
            return notices;
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("SLA claim failed", e);
        }
    }

    private static void claim(Connection connection, List<SlaNotice> into, SlaNotice.Deadline deadline,
                              SlaNotice.Kind kind, String markColumn, String dueColumn, String condition,
                              List<Object> conditionParameters, Instant now, int limit, String alsoSet)
            throws SQLException {
        int room = limit - into.size();
        if (room <= 0) {
            return;
        }
        // id = ANY (ARRAY(...)): the claimed ids are collected once and updated by primary key. With
        // "id IN (SELECT ...)" the planner, expecting up to 'room' ids, chose a hash join over a sequential
        // scan of every complaint.
        String sql = "UPDATE complaint SET " + (alsoSet == null ? "" : alsoSet) + markColumn + " = ? "
                + "WHERE id = ANY (ARRAY(SELECT id FROM complaint WHERE " + condition + " ORDER BY " + dueColumn
                + " LIMIT " + room + " FOR UPDATE SKIP LOCKED)) RETURNING id, customer_id, " + dueColumn;
        List<Object> parameters = new ArrayList<>();
        if (alsoSet != null) {
            parameters.add(now);
        }
        parameters.add(now);
        parameters.addAll(conditionParameters);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    into.add(new SlaNotice(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "customer_id"), deadline, kind,
                            Jdbc.instant(rs, dueColumn), now));
                }
            }
        }
    }
}
