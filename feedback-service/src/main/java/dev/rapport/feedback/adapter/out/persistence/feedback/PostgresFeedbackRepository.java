package dev.rapport.feedback.adapter.out.persistence.feedback;

import dev.rapport.feedback.adapter.out.persistence.Jdbc;
import dev.rapport.feedback.application.port.out.feedback.FeedbackRepository;
import dev.rapport.feedback.domain.feedback.Feedback;
import dev.rapport.feedback.domain.feedback.FeedbackChannel;
import dev.rapport.feedback.domain.feedback.FeedbackFilter;
import dev.rapport.feedback.domain.feedback.Language;
import dev.rapport.feedback.domain.feedback.Sentiment;
import dev.rapport.feedback.domain.feedback.TextAnalysis;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PostgresFeedbackRepository implements FeedbackRepository {

    private static final String COLUMNS = "id, customer_id, channel, rating, text, language, sentiment, sentiment_score, "
            + "topics, received_at, erased_at";

    private final AgroalDataSource dataSource;

    public PostgresFeedbackRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void add(Feedback f) {
        TextAnalysis a = f.analysis();
        update("INSERT INTO feedback (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Arrays.asList(f.id(), f.customerId(), WireNames.of(f.channel()), f.rating(), f.text(),
                        WireNames.of(a.language()), WireNames.of(a.sentiment()), a.score(),
                        a.topics().toArray(String[]::new), f.receivedAt(), f.erasedAt()));
    }

    @Override
    public void add(Feedback f, String idempotencyKey, String fingerprint) {
        add(f);
        update("UPDATE feedback SET idempotency_key = ?, request_fingerprint = ? WHERE id = ?",
                List.of(idempotencyKey, fingerprint, f.id()));
    }

    @Override
    public void lockIdempotencyKey(String idempotencyKey) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            lock.setString(1, "feedback-idempotency:" + idempotencyKey);
            lock.execute();
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("feedback lock failed", e);
        }
    }

    @Override
    public Optional<Keyed> findByIdempotencyKey(String idempotencyKey) {
        Optional<Feedback> found = query("SELECT " + COLUMNS + " FROM feedback WHERE idempotency_key = ?",
                List.of(idempotencyKey)).stream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT request_fingerprint FROM feedback WHERE id = ?")) {
            statement.setObject(1, found.get().id());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return Optional.of(new Keyed(found.get(), rs.getString(1)));
            }
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("feedback read failed", e);
        }
    }

    @Override
    public Optional<Feedback> find(UUID id) {
        List<Feedback> found = query("SELECT " + COLUMNS + " FROM feedback WHERE id = ?", List.of(id));
        return found.stream().findFirst();
    }

    @Override
    public Page<Feedback> list(FeedbackFilter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM feedback WHERE true");
        List<Object> parameters = new ArrayList<>();
        if (filter.customerId() != null) {
            sql.append(" AND customer_id = ?");
            parameters.add(filter.customerId());
        }
        if (filter.channel() != null) {
            sql.append(" AND channel = ?");
            parameters.add(WireNames.of(filter.channel()));
        }
        if (filter.sentiment() != null) {
            sql.append(" AND sentiment = ?");
            parameters.add(WireNames.of(filter.sentiment()));
        }
        if (filter.topic() != null) {
            sql.append(" AND topics @> ?");
            parameters.add(new String[] {filter.topic()});
        }
        if (filter.from() != null) {
            sql.append(" AND received_at >= ?");
            parameters.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" AND received_at < ?");
            parameters.add(filter.to());
        }
        if (page.after() != null) {
            sql.append(" AND (received_at, id) < (?, ?)");
            parameters.add(page.after().position());
            parameters.add(page.after().id());
        }
        sql.append(" ORDER BY received_at DESC, id DESC LIMIT ").append(page.limit() + 1);
        List<Feedback> rows = query(sql.toString(), parameters);
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, null);
        }
        List<Feedback> items = rows.subList(0, page.limit());
        Feedback last = items.get(items.size() - 1);
        return new Page<>(List.copyOf(items), new PageCursor(last.receivedAt(), last.id()));
    }

    @Override
    public int eraseTexts(UUID customerId, Instant erasedAt) {
        return update("UPDATE feedback SET text = NULL, request_fingerprint = NULL, erased_at = ? WHERE customer_id = ? AND erased_at IS NULL",
                List.of(erasedAt, customerId));
    }

    @Override
    public int reassign(UUID fromCustomerId, UUID toCustomerId) {
        return update("UPDATE feedback SET customer_id = ? WHERE customer_id = ?", List.of(toCustomerId, fromCustomerId));
    }

    private int update(String sql, List<Object> parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return Jdbc.update(connection, sql, parameters);
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("feedback write failed", e);
        }
    }

    private List<Feedback> query(String sql, List<Object> parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                List<Feedback> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("feedback read failed", e);
        }
    }

    private static Feedback map(ResultSet rs) throws SQLException {
        TextAnalysis analysis = new TextAnalysis(
                WireNames.parse(Language.class, rs.getString("language")),
                WireNames.parse(Sentiment.class, rs.getString("sentiment")),
                rs.getDouble("sentiment_score"),
                Jdbc.texts(rs, "topics"));
        return new Feedback(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "customer_id"),
                WireNames.parse(FeedbackChannel.class, rs.getString("channel")), Jdbc.integer(rs, "rating"),
                rs.getString("text"), analysis, Jdbc.instant(rs, "received_at"), Jdbc.instant(rs, "erased_at"));
    }
}
