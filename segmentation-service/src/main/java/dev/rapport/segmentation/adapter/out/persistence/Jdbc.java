package dev.rapport.segmentation.adapter.out.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.transaction.TransactionSynchronizationRegistry;

import dev.rapport.messaging.jdbc.BeforeCommit;

/** Small JDBC helpers on the default datasource (statements join the caller's JTA transaction). */
public final class Jdbc {

    /** Advisory lock key of the recompute: shared by incremental changes, exclusive at snapshot and swap. */
    public static final long RECOMPUTE_LOCK = 0x7365_676d_656e_7401L;

    @FunctionalInterface
    public interface Binder {
        void bind(Parameters parameters) throws SQLException;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;
    private final BeforeCommit<Deferred> deferred;

    public Jdbc(DataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.deferred = new BeforeCommit<>(transactions, this::runDeferred);
    }

    public int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); Statements s = prepare(c, sql, binder)) {
            s.statement().execute();
            s.skipDeferred();
            return s.statement().getUpdateCount();
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /**
     * A write whose result nobody reads, run in the caller's transaction ahead of its next statement through
     * this helper, in the same round trip, or else just before the commit (outside a transaction: at once).
     * Statements keep their order; a failure surfaces at that next statement or fails the commit.
     */
    public void deferUpdate(String sql, Binder binder) {
        if (!deferred.inTransaction()) {
            update(sql, binder);
            return;
        }
        deferred.items().add(new Write(sql, binder));
    }

    /** A statement and what binds its parameters. */
    public record Write(String sql, Binder binder) implements Deferred {
        @Override
        public Write write() {
            return this;
        }
    }

    /** Writes of one kind that one statement sends together (see {@link #deferGathered}). */
    public interface GatheredWrite<R> {

        /** The statement for {@code rows} (at least one). */
        Write write(List<R> rows);
    }

    /**
     * As {@link #deferUpdate}, for writes that one statement sends together: {@code row} joins the deferred
     * write last in line when that is of the same {@code kind} (equal), else starts one; {@code kind} makes the
     * statement from all the rows it gathered when it is sent.
     */
    public <R> void deferGathered(GatheredWrite<R> kind, R row) {
        if (!deferred.inTransaction()) {
            Write write = kind.write(List.of(row));
            update(write.sql(), write.binder());
            return;
        }
        List<Deferred> pending = deferred.items();
        if (!pending.isEmpty() && pending.get(pending.size() - 1) instanceof Gathered<?> last
                && last.kind().equals(kind)) {
            @SuppressWarnings("unchecked")
            Gathered<R> same = (Gathered<R>) last;
            same.rows().add(row);
            return;
        }
        List<R> rows = new ArrayList<>();
        rows.add(row);
        pending.add(new Gathered<>(kind, rows));
    }

    /** A write waiting for the transaction's next statement. */
    private sealed interface Deferred permits Write, Gathered {
        /** The statement to send, made when it is sent. */
        Write write();
    }

    private record Gathered<R>(GatheredWrite<R> kind, List<R> rows) implements Deferred {
        @Override
        public Write write() {
            return kind.write(rows);
        }
    }

    /**
     * {@code sql} prepared after the transaction's deferred writes (taken: they run with it), each binder's
     * parameter indexes shifted past the ones before it.
     */
    private Statements prepare(Connection c, String sql, Binder binder) throws SQLException {
        List<Deferred> pending = deferred.itemsIfAny();
        if (pending.isEmpty()) {
            PreparedStatement s = c.prepareStatement(sql);
            binder.bind(new Parameters(s, 0));
            return new Statements(s, 0);
        }
        List<Write> ahead = pending.stream().map(Deferred::write).toList();
        pending.clear();
        StringBuilder text = new StringBuilder();
        ahead.forEach(d -> text.append(d.sql()).append(";\n"));
        PreparedStatement s = c.prepareStatement(text.append(sql).toString());
        int offset = 0;
        for (Write d : ahead) {
            offset = Parameters.bind(s, offset, d.binder());
        }
        Parameters.bind(s, offset, binder);
        return new Statements(s, ahead.size());
    }

    /** A prepared statement and how many deferred writes' results come before its own. */
    private record Statements(PreparedStatement statement, int deferred) implements AutoCloseable {

        void skipDeferred() throws SQLException {
            for (int i = 0; i < deferred; i++) {
                statement.getMoreResults();
            }
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }

    public <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection c = dataSource.getConnection(); Statements s = prepare(c, sql, binder)) {
            s.statement().execute();
            s.skipDeferred();
            try (ResultSet rows = s.statement().getResultSet()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** Reads a large result in batches of {@code fetchSize} rows (inside a transaction, else the driver reads all). */
    public void each(String sql, Binder binder, int fetchSize, RowConsumer consumer) {
        flushDeferred();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(new Parameters(s, 0));
            s.setFetchSize(fetchSize);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(rows);
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    @FunctionalInterface
    public interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }

    public <T> Optional<T> one(String sql, Binder binder, RowMapper<T> mapper) {
        List<T> rows = query(sql, binder, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /**
     * Runs {@code first} and then {@code sql} in one round trip, each with its own snapshot ({@code sql} sees
     * what committed while {@code first} waited), and maps the first row of {@code sql}'s result.
     */
    public <T> Optional<T> oneAfter(String first, String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection c = dataSource.getConnection(); Statements s = prepare(c, first + ";\n" + sql, binder)) {
            s.statement().execute();
            s.skipDeferred();
            if (!s.statement().getMoreResults()) {
                throw new IllegalStateException("no result of " + sql);
            }
            try (ResultSet rows = s.statement().getResultSet()) {
                return rows.next() ? Optional.ofNullable(mapper.map(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** Runs the transaction's deferred writes now (before a statement that does not take them along). */
    private void flushDeferred() {
        runDeferred(deferred.itemsIfAny());
    }

    private void runDeferred(List<Deferred> pending) {
        if (!pending.isEmpty()) {
            // the last one runs as the statement, the others ahead of it in the same round trip
            Write last = pending.remove(pending.size() - 1).write();
            update(last.sql(), last.binder());
        }
    }

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp t = row.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static BigDecimal decimal(ResultSet row, String column) throws SQLException {
        BigDecimal value = row.getBigDecimal(column);
        return value == null ? BigDecimal.ZERO : value;
    }

    /** A database failure (the consumer retries, the REST layer answers 500/503). */
    public static class PersistenceException extends RuntimeException {
        public PersistenceException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
