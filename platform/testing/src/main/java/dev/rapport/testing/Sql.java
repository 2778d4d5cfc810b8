package dev.rapport.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** Small reads and writes against the real database, for tests that check what a service stored. */
public final class Sql {

    private final DataSource dataSource;

    private Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static Sql on(DataSource dataSource) {
        return new Sql(dataSource);
    }

    /** The first column of every row, as text (null stays null). */
    public List<String> strings(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params);
             ResultSet rs = s.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The single value of a query such as {@code select count(*) ...}. */
    public long count(String sql, Object... params) {
        List<String> values = strings(sql, params);
        if (values.size() != 1 || values.getFirst() == null) {
            throw new IllegalStateException("expected one non-null value from " + sql + " but got " + values);
        }
        return Long.parseLong(values.getFirst());
    }

    public List<Long> longs(String sql, Object... params) {
        return strings(sql, params).stream().map(v -> v == null ? null : Long.parseLong(v)).toList();
    }

    /** Runs an update and returns the number of rows it changed. */
    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }
}
