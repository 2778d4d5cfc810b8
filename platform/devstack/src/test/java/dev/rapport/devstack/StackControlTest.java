package dev.rapport.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One server of the stack stopped and started alone through request files, the other untouched. */
class StackControlTest {

    @TempDir
    Path dataDirectory;

    @Test
    void stopsAndStartsPostgresAndKafkaAloneKeepingTheirPortsAndData() throws Exception {
        Stack stack = Stack.start(dataDirectory, 0, 0);
        try (StackControl control = new StackControl(dataDirectory.resolve("control"), stack)) {
            int postgresPort = stack.postgres().port();
            String kafka = stack.kafka().bootstrapServers();
            stack.postgres().createDatabase("customer");
            stack.kafka().createTopic("control-test", 1);
            try (Connection connection = connect(postgresPort); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE survivor (name text)");
                statement.execute("INSERT INTO survivor VALUES ('kept')");
            }

            assertEquals(List.of("STOP POSTGRES DONE"), request(control, "stop-postgres"));
            assertThrows(SQLException.class, () -> connect(postgresPort).close());
            Records.send(kafka, "control-test", "k", "while-postgres-was-down"); // Kafka unaffected

            assertEquals(List.of("STOP KAFKA DONE"), request(control, "stop-kafka"));
            assertFalse(stack.kafka().isRunning());

            assertEquals(List.of("START KAFKA DONE", "START POSTGRES DONE"), request(control, "start-kafka", "start-postgres"));
            try (Connection connection = connect(postgresPort); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT name FROM survivor")) {
                assertTrue(rows.next());
                assertEquals("kept", rows.getString(1));
            }
            assertEquals(List.of("k=while-postgres-was-down"), Records.readAll(kafka, "control-test", 1));

            List<String> unknown = request(control, "reboot-everything");
            assertTrue(unknown.get(0).startsWith("FAILED reboot-everything"), unknown.toString());
            assertTrue(Files.readString(control.directory().resolve("reboot-everything.failed")).contains("unknown request"));
        }
        assertFalse(Files.exists(dataDirectory.resolve("postgres").resolve("postmaster.pid")), "PostgreSQL stopped on close");
    }

    private static List<String> request(StackControl control, String... names) throws Exception {
        for (String name : names) {
            Files.createFile(control.directory().resolve(name));
        }
        List<String> done = control.poll();
        for (String name : names) {
            assertFalse(Files.exists(control.directory().resolve(name)), "request " + name + " removed once carried out");
        }
        return done;
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/customer",
                PostgresServer.USER, PostgresServer.PASSWORD);
    }
}
