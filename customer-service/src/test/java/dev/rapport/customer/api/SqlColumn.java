package dev.rapport.customer.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** The first column of a query, for tests that check what the service stored. */
final class SqlColumn {

    private SqlColumn() {
    }

    static List<String> strings(DataSource dataSource, String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    static List<Long> longs(DataSource dataSource, String sql, Object... params) throws SQLException {
        return strings(dataSource, sql, params).stream().map(Long::parseLong).toList();
    }
}
