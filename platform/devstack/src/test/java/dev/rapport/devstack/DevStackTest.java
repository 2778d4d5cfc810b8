package dev.rapport.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the DevStack main as a separate JVM, as {@code ./rapport up} does, and stops it with SIGTERM. */
class DevStackTest {

    @TempDir
    Path dataDirectory;

    @Test
    void startsWithEveryServiceDatabaseAndTopicAndKeepsDataAcrossAKillAndARestart() throws Exception {
        int postgresPort = KafkaBroker.freePort();
        int kafkaPort = KafkaBroker.freePort(postgresPort);
        String bootstrapServers = "127.0.0.1:" + kafkaPort;

        try (RunningDevStack first = RunningDevStack.start(dataDirectory, postgresPort, kafkaPort)) {
            assertEquals("READY postgres=localhost:" + postgresPort + " kafka=" + bootstrapServers
                    + " data=" + dataDirectory.toAbsolutePath(), first.readyLine);
            for (String database : DevStack.DATABASES) {
                try (Connection connection = connect(postgresPort, database)) {
                    assertTrue(connection.isValid(5), database);
                }
            }
            try (Connection connection = connect(postgresPort, "customer"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE survivor (name text)");
                statement.execute("INSERT INTO survivor VALUES ('kept')");
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
                Map<String, TopicDescription> topics = admin.describeTopics(List.of(
                        "rapport.customer.events", "rapport.customer.events.dlq", "rapport.segmentation.events"))
                        .allTopicNames().get(30, TimeUnit.SECONDS);
                topics.values().forEach(topic -> assertEquals(3, topic.partitions().size(), topic.name()));
            }
            Records.send(bootstrapServers, "rapport.customer.events", "c-1", "kept");
            // SIGKILL: no shutdown hook runs, and PostgreSQL (a detached process) stays up on port and data.
            first.kill();
        }

        try (RunningDevStack second = RunningDevStack.start(dataDirectory, postgresPort, kafkaPort)) {
            try (Connection connection = connect(postgresPort, "customer");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT name FROM survivor")) {
                assertTrue(rows.next());
                assertEquals("kept", rows.getString(1));
            }
            // New process, new controller port, same log directory: the record written before is still there.
            assertEquals(List.of("c-1=kept"), Records.readAll(bootstrapServers, "rapport.customer.events", 1));
            second.terminate();
            assertTrue(second.output.contains("STOPPED"), "clean shutdown on SIGTERM: " + second.output);
        }
        assertTrue(Files.isDirectory(dataDirectory.resolve("postgres")));
        assertTrue(Files.isDirectory(dataDirectory.resolve("kafka")));
        assertFalse(Files.exists(dataDirectory.resolve("postgres").resolve("postmaster.pid")), "PostgreSQL stopped");
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> DevStack.Options.parse("--pg-port", "70000"));
        assertThrows(IllegalArgumentException.class, () -> DevStack.Options.parse("--kafka-port"));
        assertThrows(IllegalArgumentException.class, () -> DevStack.Options.parse("--verbose", "yes"));
        assertThrows(IllegalArgumentException.class, () -> DevStack.Options.parse("--pg-port", "6000", "--kafka-port", "6000"));
        assertEquals(new DevStack.Options(DevStack.DEFAULT_DATA_DIRECTORY, 55432, 59092), DevStack.Options.parse());
    }

    private static Connection connect(int port, String database) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database,
                PostgresServer.USER, PostgresServer.PASSWORD);
    }

    /** A DevStack child JVM; its output is collected so a failure shows why. */
    private static final class RunningDevStack implements AutoCloseable {

        final Process process;
        final List<String> output = new ArrayList<>();
        String readyLine;
        Thread reader;

        private RunningDevStack(Process process) {
            this.process = process;
        }

        static RunningDevStack start(Path dataDirectory, int postgresPort, int kafkaPort) throws Exception {
            Process process = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // C1 only and the serial collector: ~40% less CPU to READY, which matters on 2 busy cores.
                    "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), DevStack.class.getName(),
                    "--data-dir", dataDirectory.toString(),
                    "--pg-port", String.valueOf(postgresPort), "--kafka-port", String.valueOf(kafkaPort))
                    .redirectErrorStream(true)
                    .start();
            long startedAt = System.nanoTime();
            RunningDevStack running = new RunningDevStack(process);
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            running.reader = Thread.ofVirtual().start(() -> lines.lines().forEach(line -> {
                synchronized (running.output) {
                    running.output.add(line);
                    if (line.startsWith("Started")) {
                        System.out.println("DevStack child: " + line);
                    }
                    if (line.startsWith("READY")) {
                        running.readyLine = line;
                    }
                    running.output.notifyAll();
                }
            }));
            synchronized (running.output) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (running.readyLine == null && process.isAlive() && System.nanoTime() < deadline) {
                    running.output.wait(200);
                }
                if (running.readyLine == null) {
                    process.destroyForcibly();
                    running.reader.join(5_000);
                    throw new AssertionError("DevStack printed no READY line: " + running.output);
                }
            }
            System.out.printf("DevStack READY after %d ms (JVM start included)%n", (System.nanoTime() - startedAt) / 1_000_000);
            return running;
        }

        /** SIGTERM, as {@code ./rapport down} sends; waits for the shutdown hook to finish. */
        void terminate() throws Exception {
            long stoppingAt = System.nanoTime();
            process.toHandle().destroy(); // Process.destroy() would also close our end of its output
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "DevStack did not stop on SIGTERM");
            reader.join(5_000);
            System.out.printf("DevStack stopped after %d ms%n", (System.nanoTime() - stoppingAt) / 1_000_000);
            synchronized (output) {
                assertEquals(1, output.stream().filter(line -> line.startsWith("READY")).count(), output.toString());
            }
            assertFalse(process.isAlive());
        }

        void kill() throws Exception {
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }
}
