package dev.rapport.feedback.adapter.out.persistence.complaint;

import dev.rapport.feedback.adapter.out.persistence.Jdbc;
import dev.rapport.feedback.application.port.out.complaint.ComplaintRepository;
import dev.rapport.feedback.domain.complaint.Complaint;
import dev.rapport.feedback.domain.complaint.ComplaintFilter;
import dev.rapport.feedback.domain.complaint.ComplaintPriority;
import dev.rapport.feedback.domain.complaint.ComplaintStatus;
import dev.rapport.feedback.domain.complaint.ComplaintTransition;
import dev.rapport.feedback.domain.complaint.ServiceClass;
import dev.rapport.feedback.domain.feedback.FeedbackChannel;
import dev.rapport.kernel.WireNames;
import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageCursor;
import dev.rapport.kernel.paging.PageRequest;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PostgresComplaintRepository implements ComplaintRepository {

    static final String COLUMNS = "id, customer_id, channel, category, priority, subject, description, status, assignee, "
            + "opened_at, first_response_due_at, resolution_due_at, first_responded_at, resolved_at, paused_since, erased_at, "
            + "service_class";

    /** Any deadline breached at the parameter instant. */
    static final String BREACHED = "((first_responded_at IS NOT NULL AND first_responded_at > first_response_due_at)"
            + " OR (first_responded_at IS NULL AND paused_since IS NULL AND status <> 'closed' AND first_response_due_at < ?)"
            + " OR (resolved_at IS NOT NULL AND resolved_at > resolution_due_at)"
            + " OR (resolved_at IS NULL AND paused_since IS NULL AND status <> 'closed' AND resolution_due_at < ?))";

    private final AgroalDataSource dataSource;

    public PostgresComplaintRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void add(Complaint c) {
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.update(connection, "INSERT INTO complaint (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Arrays.asList(c.id(), c.customerId(), WireNames.of(c.channel()), c.category(), WireNames.of(c.priority()),
                            c.subject(), c.description(), c.status().wireName(), c.assignee(), c.openedAt(),
                            c.firstResponseDueAt(), c.resolutionDueAt(), c.firstRespondedAt(), c.resolvedAt(),
                            c.pausedSince(), c.erasedAt(), c.serviceClass().wireName()));
            for (ComplaintTransition t : c.history()) {
                insertHistory(connection, c.id(), t);
            }
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("complaint write failed", e);
        }
    }

    @Override
    public Optional<Complaint> find(UUID id) {
        return select("SELECT " + COLUMNS + " FROM complaint WHERE id = ?", List.of(id)).stream().findFirst();
    }

    @Override
    public Optional<Complaint> findForUpdate(UUID id) {
        return select("SELECT " + COLUMNS + " FROM complaint WHERE id = ? FOR UPDATE", List.of(id)).stream().findFirst();
    }

    @Override
    public void update(Complaint c, ComplaintTransition transition) {
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.update(connection, "UPDATE complaint SET customer_id = ?, subject = ?, description = ?, status = ?, "
                            + "assignee = ?, first_response_due_at = ?, resolution_due_at = ?, first_responded_at = ?, "
                            + "resolved_at = ?, paused_since = ?, erased_at = ? WHERE id = ?",
                    Arrays.asList(c.customerId(), c.subject(), c.description(), c.status().wireName(), c.assignee(),
                            c.firstResponseDueAt(), c.resolutionDueAt(), c.firstRespondedAt(), c.resolvedAt(),
                            c.pausedSince(), c.erasedAt(), c.id()));
            if (transition != null) {
                insertHistory(connection, c.id(), transition);
            }
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("complaint write failed", e);
        }
    }

    @Override
    public Page<Complaint> list(ComplaintFilter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM complaint WHERE true");
        List<Object> parameters = new ArrayList<>();
        if (!filter.statuses().isEmpty()) {
            sql.append(" AND status IN (").append(String.join(", ", java.util.Collections.nCopies(filter.statuses().size(), "?")))
                    .append(")");
            filter.statuses().forEach(status -> parameters.add(status.wireName()));
        }
        if (filter.assignee() != null) {
            sql.append(" AND assignee = ?");
            parameters.add(filter.assignee());
        }
        if (filter.customerId() != null) {
            sql.append(" AND customer_id = ?");
            parameters.add(filter.customerId());
        }
        if (filter.breached() != null) {
            sql.append(filter.breached() ? " AND " : " AND NOT ").append(BREACHED);
            parameters.add(filter.now());
            parameters.add(filter.now());
        }
        if (filter.dueBefore() != null) {
            sql.append(" AND status NOT IN ('resolved', 'closed') AND (CASE WHEN first_responded_at IS NULL "
                    + "THEN first_response_due_at ELSE resolution_due_at END) < ?");
            parameters.add(filter.dueBefore());
        }
        if (page.after() != null) {
            sql.append(" AND (opened_at, id) < (?, ?)");
            parameters.add(page.after().position());
            parameters.add(page.after().id());
        }
        sql.append(" ORDER BY opened_at DESC, id DESC LIMIT ").append(page.limit() + 1);
        List<Complaint> rows = select(sql.toString(), parameters);
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, null);
        }
        List<Complaint> items = List.copyOf(rows.subList(0, page.limit()));
        Complaint last = items.get(items.size() - 1);
        return new Page<>(items, new PageCursor(last.openedAt(), last.id()));
    }

    @Override
    public int eraseTexts(UUID customerId, Instant erasedAt) {
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.update(connection, "UPDATE complaint_history SET note = NULL WHERE complaint_id IN "
                    + "(SELECT id FROM complaint WHERE customer_id = ?)", List.of(customerId));
            return Jdbc.update(connection, "UPDATE complaint SET subject = NULL, description = NULL, erased_at = ? "
                    + "WHERE customer_id = ? AND erased_at IS NULL", List.of(erasedAt, customerId));
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("complaint erasure failed", e);
        }
    }

    @Override
    public int reassign(UUID fromCustomerId, UUID toCustomerId) {
        try (Connection connection = dataSource.getConnection()) {
            return Jdbc.update(connection, "UPDATE complaint SET customer_id = ? WHERE customer_id = ?",
                    List.of(toCustomerId, fromCustomerId));
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("complaint merge failed", e);
        }
    }

    private static void insertHistory(Connection connection, UUID id, ComplaintTransition t) throws SQLException {
        Jdbc.update(connection, "INSERT INTO complaint_history (complaint_id, from_status, to_status, at, note) VALUES (?, ?, ?, ?, ?)",
                Arrays.asList(id, t.from() == null ? null : t.from().wireName(), t.to().wireName(), t.at(), t.note()));
    }

    private List<Complaint> select(String sql, List<Object> parameters) {
        try (Connection connection = dataSource.getConnection()) {
            List<Object[]> rows = new ArrayList<>();
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                Jdbc.bind(statement, parameters);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] {Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "customer_id"), rs.getString("channel"),
                                rs.getString("category"), rs.getString("priority"), rs.getString("subject"),
                                rs.getString("description"), rs.getString("status"), Jdbc.uuid(rs, "assignee"),
                                Jdbc.instant(rs, "opened_at"), Jdbc.instant(rs, "first_response_due_at"),
                                Jdbc.instant(rs, "resolution_due_at"), Jdbc.instant(rs, "first_responded_at"),
                                Jdbc.instant(rs, "resolved_at"), Jdbc.instant(rs, "paused_since"), Jdbc.instant(rs, "erased_at"),
                                rs.getString("service_class")});
                        ids.add(Jdbc.uuid(rs, "id"));
                    }
                }
            }
            Map<UUID, List<ComplaintTransition>> history = history(connection, ids);
            List<Complaint> complaints = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                complaints.add(new Complaint((UUID) r[0], (UUID) r[1], WireNames.parse(FeedbackChannel.class, (String) r[2]),
                        (String) r[3], WireNames.parse(ComplaintPriority.class, (String) r[4]),
                        ServiceClass.parse((String) r[16]), (String) r[5], (String) r[6],
                        ComplaintStatus.parse((String) r[7]), (UUID) r[8], (Instant) r[9], (Instant) r[10], (Instant) r[11],
                        (Instant) r[12], (Instant) r[13], (Instant) r[14], (Instant) r[15],
                        history.getOrDefault((UUID) r[0], List.of())));
            }
            return complaints;
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("complaint read failed", e);
        }
    }

    private static Map<UUID, List<ComplaintTransition>> history(Connection connection, List<UUID> ids) throws SQLException {
        Map<UUID, List<ComplaintTransition>> history = new HashMap<>();
        if (ids.isEmpty()) {
            return history;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT complaint_id, from_status, to_status, at, note FROM complaint_history "
                        + "WHERE complaint_id = ANY (?) ORDER BY id")) {
            statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String from = rs.getString("from_status");
                    history.computeIfAbsent(Jdbc.uuid(rs, "complaint_id"), k -> new ArrayList<>()).add(
                            new ComplaintTransition(from == null ? null : ComplaintStatus.parse(from),
                                    ComplaintStatus.parse(rs.getString("to_status")), Jdbc.instant(rs, "at"),
                                    rs.getString("note")));
                }
            }
        }
        return history;
    }
}
