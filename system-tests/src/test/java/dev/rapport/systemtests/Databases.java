package dev.rapport.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Straight to each service's database: what is stored, whatever the API says. */
final class Databases {

    private final SystemStack stack;

    Databases(SystemStack stack) {
        this.stack = stack;
    }

    Connection open(String service) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(service), "rapport", "rapport");
    }

    /** Rows per table of every service database ("service.table" → count). */
    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String service : stack.servicesWithDatabase()) {
            try (Connection connection = open(service); Statement statement = connection.createStatement()) {
                for (String table : tables(connection)) {
                    try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                        rs.next();
                        counts.put(service + "." + table, rs.getLong(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot count the rows of " + service, e);
            }
        }
        return counts;
    }

    /** Ordinary tables and partitions of the public schema, Flyway's history left out. */
    static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                     + "WHERE n.nspname = 'public' AND c.relkind IN ('r') AND c.relname <> 'flyway_schema_history' ORDER BY 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** Waits until no count changes for a while: the consumers have applied what earlier writes caused. */
    Map<String, Long> settledRowCounts() {
        Map<String, Long> last = rowCounts();
        for (int i = 0; i < 40; i++) {
            sleep(1500);
            Map<String, Long> now = rowCounts();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
