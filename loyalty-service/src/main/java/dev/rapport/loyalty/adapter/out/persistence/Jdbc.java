package dev.rapport.loyalty.adapter.out.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.messaging.jdbc.BinaryCopyRows;

/**
 * Plain JDBC on the default datasource: connections join the caller's JTA transaction, so every
 * statement of a use case commits or rolls back together (and with the outbox row).
 */
@ApplicationScoped
public class Jdbc {

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> List<T> list(String sql, Row<T> row, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params);
             ResultSet rs = s.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rs.next()) {
                result.add(row.map(rs));
            }
            return result;
        } catch (SQLException e) {
            throw new PersistenceFailure(e);
        }
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        List<T> all = list(sql, row, params);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
    }

    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceFailure(e);
        }
    }

    public void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(s, row);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceFailure(e);
        }
    }

    /** Sends {@code rows} with {@code copySql} ({@code COPY ... FROM STDIN WITH (FORMAT binary)}) in the caller's transaction. */
    public void copy(String copySql, BinaryCopyRows rows) {
        try (Connection c = dataSource.getConnection()) {
            rows.copyInto(c, copySql);
        } catch (SQLException e) {
            throw new PersistenceFailure(e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        bind(s, params);
        return s;
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            switch (p) {
                case null -> s.setNull(i + 1, Types.NULL);
                case Instant instant -> s.setTimestamp(i + 1, Timestamp.from(instant));
                case LocalDate date -> s.setObject(i + 1, date);
                case UUID id -> s.setObject(i + 1, id);
                case BigDecimal decimal -> s.setBigDecimal(i + 1, decimal);
                case UUID[] ids -> s.setArray(i + 1, s.getConnection().createArrayOf("uuid", ids));
                case String[] texts -> s.setArray(i + 1, s.getConnection().createArrayOf("text", texts));
                case Long[] longs -> s.setArray(i + 1, s.getConnection().createArrayOf("bigint", longs));
                default -> s.setObject(i + 1, p);
            }
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** A database failure: a bug or an outage, never the client's fault (answered 500 / retried by consumers). */
    public static class PersistenceFailure extends RuntimeException {
        public PersistenceFailure(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
