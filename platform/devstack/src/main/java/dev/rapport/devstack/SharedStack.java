package dev.rapport.devstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The one PostgreSQL server and Kafka broker of a test JVM, whichever class loader asks for them.
 *
 * <p>Quarkus loads test resources and test classes through a new class loader for every application
 * start (each test profile, each set of test resources) and closes the previous one. A plain static
 * field would therefore start a second stack per application start, and a broker owned by a closed
 * class loader breaks as soon as it needs a class it has not loaded yet. So the servers are owned by
 * this class as the JVM's system class loader sees it (surefire puts every test dependency there),
 * which lives as long as the JVM; a copy in any other loader attaches to them through JDK types only
 * ({@link PostgresServer#export()}, {@link KafkaBroker#export()}).
 */
final class SharedStack {

    private static final Logger LOG = LoggerFactory.getLogger(SharedStack.class);
    private static final String DIRECTORY_PREFIX = "rapport-devstack-";
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    // Only ever set in the owner copy of this class.
    private static Stack owned;
    // Set in every copy: the servers as seen from that class loader.
    private static Stack seen;

    private SharedStack() {
    }

    static synchronized Stack get() {
        if (seen == null) {
            seen = attach();
        }
        return seen;
    }

    /** Called through reflection by the copies of this class in other class loaders. */
    static Map<String, Map<String, Object>> export() {
        Stack stack = owned();
        return Map.of("postgres", stack.postgres().export(), "kafka", stack.kafka().export());
    }

    @SuppressWarnings("unchecked")
    private static Stack attach() {
        Class<?> owner = ownerClass();
        if (owner == SharedStack.class) {
            return owned();
        }
        try {
            Method export = owner.getDeclaredMethod("export");
            export.setAccessible(true);
            Map<String, Map<String, Object>> exported = (Map<String, Map<String, Object>>) export.invoke(null);
            return new Stack(PostgresServer.attach(exported.get("postgres")), KafkaBroker.attach(exported.get("kafka")));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("Could not start the shared DevStack", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not reach the shared DevStack in " + owner.getClassLoader(), e);
        }
    }

    private static Class<?> ownerClass() {
        try {
            return Class.forName(SharedStack.class.getName(), false, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException e) {
            return SharedStack.class; // a launcher without this jar on the class path: this loader owns them
        }
    }

    private static synchronized Stack owned() {
        if (owned == null) {
            cleanUpAfterKilledJvms();
            Path dataDirectory = temporaryDirectory();
            long startedAt = System.nanoTime();
            Stack started;
            try {
                started = Stack.start(dataDirectory, 0, 0);
            } catch (RuntimeException e) {
                Stack.deleteRecursively(dataDirectory);
                throw e;
            }
            Thread shutdown = new Thread(() -> {
                try {
                    started.close();
                } finally {
                    Stack.deleteRecursively(dataDirectory);
                }
            }, "rapport-devstack-shutdown");
            // Not the caller's loader: under Quarkus it is closed by the time the JVM exits.
            shutdown.setContextClassLoader(SharedStack.class.getClassLoader());
            Runtime.getRuntime().addShutdownHook(shutdown);
            System.out.printf("DevStack for tests: %s, %s, started in %d ms: %s%n", started.postgres(),
                    started.kafka(), (System.nanoTime() - startedAt) / 1_000_000, started.startupTimes());
            owned = started;
        }
        return owned;
    }

    /**
     * A test JVM killed with SIGKILL (a surefire timeout, an IDE's stop button) leaves its PostgreSQL
     * running and its directory behind. Directories still locked by their servers belong to live JVMs;
     * the age limit keeps us away from a JVM that has created its directory but not started yet.
     */
    private static void cleanUpAfterKilledJvms() {
        Instant abandonedBefore = Instant.now().minus(ABANDONED_AFTER);
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(
                Path.of(System.getProperty("java.io.tmpdir")), DIRECTORY_PREFIX + "*")) {
            for (Path directory : directories) {
                try {
                    if (Files.getLastModifiedTime(directory).toInstant().isBefore(abandonedBefore)
                            && !PostgresServer.lockedByLiveProcess(directory.resolve("postgres").resolve("epg-lock"))
                            && !PostgresServer.lockedByLiveProcess(directory.resolve("kafka").resolve(".lock"))) {
                        PostgresServer.stopOrphanedServer(directory.resolve("postgres"));
                        Stack.deleteRecursively(directory);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.debug("Could not clean up {}", directory, e);
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not look for directories of killed test JVMs", e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory(DIRECTORY_PREFIX);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
