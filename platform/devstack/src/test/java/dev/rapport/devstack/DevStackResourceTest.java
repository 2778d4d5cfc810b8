package dev.rapport.devstack;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevStackResourceTest {

    @Test
    void startsOneStackPerJvmAndHandsOutConfigForTheRequestedDatabase() throws Exception {
        DevStackResource resource = new DevStackResource();
        resource.init(Map.of("database", "customer"));
        Map<String, String> config = resource.start();
        resource.stop(); // must leave the servers running for the next application start

        PostgresServer postgres = DevStackResource.postgres();
        assertEquals("jdbc:postgresql://localhost:" + postgres.port() + "/customer", config.get("DB_URL"));
        assertEquals("rapport", config.get("DB_USER"));
        assertEquals("rapport", config.get("DB_PASSWORD"));
        assertEquals(DevStackResource.kafka().bootstrapServers(), config.get("KAFKA_BOOTSTRAP"));
        try (Connection connection = DriverManager.getConnection(config.get("DB_URL"), config.get("DB_USER"), config.get("DB_PASSWORD"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_database()")) {
            assertTrue(rows.next());
            assertEquals("customer", rows.getString(1));
        }

        DevStackResource withDefaults = new DevStackResource();
        withDefaults.init(Map.of());
        Map<String, String> defaults = withDefaults.start();
        assertEquals(postgres.jdbcUrl("rapport"), defaults.get("DB_URL"));
        assertSame(postgres, DevStackResource.postgres());
        assertEquals(config.get("KAFKA_BOOTSTRAP"), defaults.get("KAFKA_BOOTSTRAP"));
    }

    /** What Quarkus does: a new class loader per application start, each with its own copy of our classes. */
    @Test
    void aCopyInAnotherClassLoaderControlsTheSameServers() throws Exception {
        KafkaBroker kafka = DevStackResource.kafka();
        try (URLClassLoader otherLoader = new URLClassLoader(classPath(), ClassLoader.getPlatformClassLoader())) {
            Class<?> otherResource = otherLoader.loadClass(DevStackResource.class.getName());
            assertNotSame(DevStackResource.class, otherResource);

            Object otherKafka = otherResource.getMethod("kafka").invoke(null);
            Object otherPostgres = otherResource.getMethod("postgres").invoke(null);
            assertEquals(kafka.bootstrapServers(), otherKafka.getClass().getMethod("bootstrapServers").invoke(otherKafka));
            assertEquals(DevStackResource.postgres().port(), otherPostgres.getClass().getMethod("port").invoke(otherPostgres));

            otherKafka.getClass().getMethod("stop").invoke(otherKafka);
            assertFalse(kafka.isRunning());
            otherKafka.getClass().getMethod("start").invoke(otherKafka);
            assertTrue(kafka.isRunning());
        }
    }

    private static URL[] classPath() {
        // Surefire may hand over a single manifest jar; URLClassLoader follows its Class-Path like the JVM does.
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toArray(URL[]::new);
    }
}
