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

/** Small JDBC helpers on the default datasource (statements join the caller's JTA transaction). */
public final class Jdbc {

    /** Advisory lock key of the recompute: shared by incremental changes, exclusive at snapshot and swap. */
    public static final long RECOMPUTE_LOCK = 0x7365_676d_656e_7401L;

    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    public <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rows = s.executeQuery()) {
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
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
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
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(first + ";\n" + sql)) {
            binder.bind(s);
            s.execute();
            if (!s.getMoreResults()) {
                throw new IllegalStateException("no result of " + sql);
            }
            try (ResultSet rows = s.getResultSet()) {
                return rows.next() ? Optional.ofNullable(mapper.map(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
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
