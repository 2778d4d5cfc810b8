package dev.rapport.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresServerTest {

    @TempDir
    Path dataDirectory;

    @Test
    void createsADatabaseOwnedByTheApplicationRoleAndKeepsItsDataAcrossARestart() throws Exception {
        Path data = dataDirectory.resolve("postgres");
        long started = System.nanoTime();
        try (PostgresServer server = PostgresServer.start(data, 0)) {
            System.out.printf("PostgreSQL started (with initdb) in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            server.createDatabase("orders");
            server.createDatabase("orders"); // a second call is a no-op, not an error

            try (Connection connection = connect(server, "orders"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE note (id int PRIMARY KEY, body text)");
                statement.execute("INSERT INTO note VALUES (1, 'kept')");
                assertEquals("17", scalar(statement, "SHOW server_version").split("\\.")[0]);
                assertEquals("rapport", scalar(statement, "SELECT current_user"));
                assertEquals("rapport", scalar(statement,
                        "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'orders'"));
            }
        }

        started = System.nanoTime();
        try (PostgresServer server = PostgresServer.start(data, 0)) {
            System.out.printf("PostgreSQL restarted on its data directory in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            try (Connection connection = connect(server, "orders"); Statement statement = connection.createStatement()) {
                assertEquals("kept", scalar(statement, "SELECT body FROM note WHERE id = 1"));
            }
        }
    }

    @Test
    void requiresTheApplicationPasswordAndAcceptsOnlyPlainDatabaseNames() {
        PostgresServer server = DevStackResource.postgres(); // the JVM's shared server: saves an initdb
        SQLException wrongPassword = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), "not-the-password"));
        assertEquals("28P01", wrongPassword.getSQLState()); // invalid_password
        assertThrows(IllegalArgumentException.class, () -> server.createDatabase("x; DROP ROLE rapport"));
        assertThrows(IllegalArgumentException.class, () -> server.createDatabase("Customer"));
    }

    private static Connection connect(PostgresServer server, String database) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), server.user(), server.password());
    }

    private static String scalar(Statement statement, String query) throws SQLException {
        try (ResultSet rows = statement.executeQuery(query)) {
            assertTrue(rows.next(), query);
            return rows.getString(1);
        }
    }
}
