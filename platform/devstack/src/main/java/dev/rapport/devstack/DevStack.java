package dev.rapport.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local stack for {@code ./rapport up}: PostgreSQL on 55432 with one database per service and
 * Kafka on 59092 with every service topic, data kept under {@code .rapport/data} across runs.
 *
 * <pre>
 * java -jar platform/devstack/target/rapport-devstack-&lt;version&gt;.jar [--data-dir DIR] [--pg-port N] [--kafka-port N]
 * </pre>
 *
 * Prints one line starting with {@code READY} once both accept connections, and stops both cleanly
 * on SIGTERM or SIGINT. While it runs, either server can be stopped and started alone through request
 * files in {@code <data-dir>/control} ({@link StackControl}). Exits with status 1 (and no READY line) if either cannot start, status 2 on
 * bad arguments.
 */
public final class DevStack {

    public static final int DEFAULT_POSTGRES_PORT = 55432;
    public static final int DEFAULT_KAFKA_PORT = 59092;
    public static final Path DEFAULT_DATA_DIRECTORY = Path.of(".rapport", "data");
    public static final List<String> DATABASES = List.of("customer", "feedback", "loyalty", "segmentation");
    /** One topic per producing service (DESIGN.md); the {@code .dlq} of each is created with it. */
    public static final List<String> TOPICS = List.of(
            "rapport.customer.events", "rapport.feedback.events",
            "rapport.loyalty.events", "rapport.segmentation.events");
    public static final int TOPIC_PARTITIONS = 3;

    private static final String USAGE = "usage: java -jar rapport-devstack.jar [--data-dir DIR (default .rapport/data)]"
            + " [--pg-port PORT (default 55432)] [--kafka-port PORT (default 59092)]";

    private DevStack() {
    }

    public static void main(String[] args) {
        quietLoggingDefaults();
        if (List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Stack stack;
        try {
            stack = start(options);
        } catch (RuntimeException e) {
            System.err.println("DevStack could not start: " + e.getMessage());
            if (e.getCause() != null) {
                e.printStackTrace();
            }
            System.exit(1);
            return;
        }
        StackControl control;
        try {
            control = new StackControl(options.dataDirectory().resolve("control"), stack);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                control.close();
                System.out.println("STOPPED");
            } finally {
                stopped.countDown();
            }
        }, "rapport-devstack-shutdown"));
        System.out.println("Started: " + stack.startupTimes());
        System.out.printf("READY postgres=localhost:%d kafka=%s data=%s%n",
                stack.postgres().port(), stack.kafka().bootstrapServers(), options.dataDirectory().toAbsolutePath());
        System.out.flush();
        serveRequests(control, stopped);
    }

    // Requests to stop or start one server (see StackControl), until the shutdown hook has run.
    private static void serveRequests(StackControl control, CountDownLatch stopped) {
        try {
            while (!stopped.await(200, TimeUnit.MILLISECONDS)) {
                try {
                    control.poll().forEach(System.out::println);
                } catch (RuntimeException e) {
                    System.err.println("Control request failed: " + e);
                }
                System.out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts both servers with every service database and topic; what {@link #main} runs before READY. */
    static Stack start(Options options) {
        Path postgresData = options.dataDirectory().resolve("postgres").toAbsolutePath().normalize();
        try {
            // A DevStack killed with SIGKILL leaves PostgreSQL running on the port we are about to check.
            PostgresServer.stopOrphanedServer(postgresData);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        requireFree(options.postgresPort(), "PostgreSQL");
        requireFree(options.kafkaPort(), "Kafka");
        Stack stack = Stack.start(options.dataDirectory(), options.postgresPort(), options.kafkaPort());
        try {
            DATABASES.forEach(stack.postgres()::createDatabase);
            stack.kafka().createTopics(TOPICS.stream().flatMap(topic -> Stream.of(topic, topic + ".dlq")).toList(),
                    TOPIC_PARTITIONS);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    // A second DevStack (or a leftover one) would otherwise fail deep inside pg_ctl or the broker.
    private static void requireFree(int port, String what) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as the servers do: a port in TIME_WAIT after our last stop is free
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        } catch (IOException e) {
            throw new IllegalStateException(what + " port " + port + " is in use (is DevStack already running?)");
        }
    }

    // slf4j-simple reads these once, at its first logger; command-line -D values win.
    private static void quietLoggingDefaults() {
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.kafka", "error");
    }

    /** Command-line options; every one has the default {@code ./rapport up} uses. */
    record Options(Path dataDirectory, int postgresPort, int kafkaPort) {

        static Options parse(String... args) {
            Path dataDirectory = DEFAULT_DATA_DIRECTORY;
            int postgresPort = DEFAULT_POSTGRES_PORT;
            int kafkaPort = DEFAULT_KAFKA_PORT;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Missing value for " + name);
                }
                String value = args[++i];
                switch (name) {
                    case "--data-dir" -> dataDirectory = Path.of(value);
                    case "--pg-port" -> postgresPort = port(name, value);
                    case "--kafka-port" -> kafkaPort = port(name, value);
                    default -> throw new IllegalArgumentException("Unknown option " + name);
                }
            }
            if (postgresPort == kafkaPort) {
                throw new IllegalArgumentException("--pg-port and --kafka-port must differ");
            }
            return new Options(dataDirectory, postgresPort, kafkaPort);
        }

        private static int port(String name, String value) {
            try {
                int port = Integer.parseInt(value);
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(name + " must be a port number (1-65535), not " + value);
        }
    }
}
