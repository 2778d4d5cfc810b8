package dev.rapport.devstack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A real Apache Kafka broker (single node, KRaft, broker and controller in one process) running
 * inside this JVM, from the same Kafka release as the clients the services use.
 *
 * <p>Both ports are fixed when the object is created (0 picks free ones), so {@link #stop()} followed
 * by {@link #start()} brings the broker back at the same address with the same log directory: records
 * written before the stop are still there. That is what outbox and consumer tests need to simulate a
 * broker outage.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";

    static {
        quietenLog4jApi();
        // Kafka's fatal-fault handlers call Exit.exit/halt; inside a test JVM or DevStack that would kill
        // everything without a trace. Log loudly instead and let the caller see the broker fail.
        Exit.setExitProcedure((status, message) ->
                LOG.error("Kafka asked the JVM to exit with status {} ({}); ignored", status, message));
        Exit.setHaltProcedure((status, message) ->
                LOG.error("Kafka asked the JVM to halt with status {} ({}); ignored", status, message));
    }

    // The broker's logging controller touches log4j-api; with no log4j provider on the class path (we leave
    // log4j-core out) log4j-api prints an error line on stderr. Its built-in simple logger stays silent.
    private static void quietenLog4jApi() {
        String factory = "log4j2.loggerContextFactory";
        if (System.getProperty(factory) == null && KafkaBroker.class.getClassLoader()
                .getResource("META-INF/services/org.apache.logging.log4j.spi.Provider") == null) {
            System.setProperty(factory, "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
    }

    private final Path logDirectory;
    private final int port;
    // The server in this JVM, or (for a handle attached from another class loader) calls into its owner.
    private final Lifecycle lifecycle;

    /**
     * Prepares a broker listening on {@code port} with its data in {@code logDirectory}; nothing runs
     * until {@link #start()}. Port 0 picks a free port now, so it stays the same across restarts.
     */
    public KafkaBroker(Path logDirectory, int port) {
        this.logDirectory = Objects.requireNonNull(logDirectory, "logDirectory").toAbsolutePath().normalize();
        this.port = port == 0 ? freePort() : port;
        this.lifecycle = new InJvmServer(freePort(this.port));
    }

    private KafkaBroker(Path logDirectory, int port, Lifecycle lifecycle) {
        this.logDirectory = logDirectory;
        this.port = port;
        this.lifecycle = lifecycle;
    }

    /**
     * Formats the log directory on first use, starts the broker and waits until it serves requests.
     * Does nothing if it runs already.
     */
    public KafkaBroker start() {
        lifecycle.start();
        return this;
    }

    /** Shuts the broker down cleanly; the log directory and the ports stay for {@link #start()}. */
    public void stop() {
        lifecycle.stop();
    }

    public boolean isRunning() {
        return lifecycle.isRunning();
    }

    /** {@code 127.0.0.1:<port>}: the value for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path logDirectory() {
        return logDirectory;
    }

    /** Creates {@code topic} with {@code partitions} partitions (replication factor 1) unless it exists. */
    public void createTopic(String topic, int partitions) {
        createTopics(List.of(topic), partitions);
    }

    /** Creates each of {@code topics} with {@code partitions} partitions unless it exists, in one request. */
    public void createTopics(Collection<String> topics, int partitions) {
        try (Admin admin = admin()) {
            Map<String, KafkaFuture<Void>> results = admin.createTopics(topics.stream()
                    .map(topic -> new NewTopic(topic, partitions, (short) 1)).toList()).values();
            for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
                try {
                    result.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + result.getKey(), e.getCause());
                    }
                } catch (TimeoutException e) {
                    throw new IllegalStateException("Timed out creating topic " + result.getKey(), e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics " + topics, e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** This broker as JDK types only, for a handle in another class loader (see {@link SharedStack}). */
    Map<String, Object> export() {
        return Map.of("port", port, "logDirectory", logDirectory.toString(),
                "start", (Runnable) this::start, "stop", (Runnable) this::stop,
                "running", (BooleanSupplier) this::isRunning);
    }

    /** A handle on a broker that {@link #export()} described in another class loader. */
    static KafkaBroker attach(Map<String, Object> exported) {
        Runnable start = (Runnable) exported.get("start");
        Runnable stop = (Runnable) exported.get("stop");
        BooleanSupplier running = (BooleanSupplier) exported.get("running");
        return new KafkaBroker(Path.of((String) exported.get("logDirectory")), (Integer) exported.get("port"),
                new Lifecycle() {
                    @Override
                    public void start() {
                        start.run();
                    }

                    @Override
                    public void stop() {
                        stop.run();
                    }

                    @Override
                    public boolean isRunning() {
                        return running.getAsBoolean();
                    }
                });
    }

    private interface Lifecycle {
        void start();

        void stop();

        boolean isRunning();
    }

    /** The KRaft server (broker and controller roles) in this JVM. */
    private final class InJvmServer implements Lifecycle {

        private final int controllerPort;
        private KafkaRaftServer server;

        InJvmServer(int controllerPort) {
            this.controllerPort = controllerPort;
        }

        @Override
        public synchronized void start() {
            if (server != null) {
                return;
            }
            Thread thread = Thread.currentThread();
            ClassLoader callersLoader = thread.getContextClassLoader();
            // Kafka loads the classes its config names (principal builder, serializers of its internal
            // clients) through the context class loader, and its threads inherit it. Under Quarkus tests
            // the caller's loader holds its own copy of kafka-clients, which would not match ours.
            thread.setContextClassLoader(KafkaBroker.class.getClassLoader());
            try {
                KafkaConfig config = new KafkaConfig(brokerSettings(controllerPort), false);
                formatIfNeeded(config);
                KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
                server = raftServer;
                // Returns once the broker is unfenced, has its metadata and accepts connections.
                raftServer.startup();
            } catch (Exception e) {
                stopQuietly();
                throw new IllegalStateException("Kafka did not start on " + bootstrapServers() + " (log dir " + logDirectory + ")", e);
            } finally {
                thread.setContextClassLoader(callersLoader);
            }
        }

        @Override
        public synchronized void stop() {
            if (server == null) {
                return;
            }
            KafkaRaftServer running = server;
            server = null;
            Thread thread = Thread.currentThread();
            ClassLoader callersLoader = thread.getContextClassLoader();
            thread.setContextClassLoader(KafkaBroker.class.getClassLoader());
            try {
                running.shutdown();
                running.awaitShutdown();
            } finally {
                thread.setContextClassLoader(callersLoader);
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return server != null;
        }

        private void stopQuietly() {
            try {
                stop();
            } catch (RuntimeException e) {
                LOG.warn("Could not stop the broker after a failed start", e);
            }
        }
    }

    private Map<String, String> brokerSettings(int controllerPort) {
        // Strings throughout: KafkaConfig parses them like a server.properties file (typed values must match exactly).
        Map<String, String> settings = new HashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", String.valueOf(NODE_ID));
        settings.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        settings.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("log.dirs", logDirectory.toString());

        // One node: every internal topic has a single replica, and writes need only that one.
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("default.replication.factor", "1");
        settings.put("min.insync.replicas", "1");
        // Fewer internal partitions: creating 50 of each makes the first consumer group wait seconds.
        settings.put("offsets.topic.num.partitions", "5");
        settings.put("transaction.state.log.num.partitions", "5");
        settings.put("share.coordinator.state.topic.num.partitions", "5");

        settings.put("auto.create.topics.enable", "true");
        settings.put("num.partitions", "3");
        // Tests start consumers and expect assignments at once, not after the default 3 s.
        settings.put("group.initial.rebalance.delay.ms", "0");

        // After a crash (SIGKILL) the controller keeps the dead incarnation registered until its session
        // expires, and the new broker waits for that: 9 s by default. Heartbeats stay in this JVM, so a short
        // session is safe; six missed heartbeats still fit in it.
        settings.put("broker.heartbeat.interval.ms", "500");
        settings.put("broker.session.timeout.ms", "3000");

        // Modest footprint: a few threads, and a small compaction buffer (default 128 MB of heap).
        settings.put("num.network.threads", "2");
        settings.put("num.io.threads", "2");
        settings.put("background.threads", "2");
        settings.put("num.replica.fetchers", "1");
        settings.put("num.recovery.threads.per.data.dir", "1");
        settings.put("log.cleaner.threads", "1");
        settings.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        settings.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        settings.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        return settings;
    }

    private void formatIfNeeded(KafkaConfig config) throws Exception {
        if (Files.exists(logDirectory.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
            return; // formatted before: keep the cluster id and every record
        }
        Files.createDirectories(logDirectory);
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(config.nodeId())
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(config.metadataLogDir())
                .addDirectory(logDirectory.toString())
                .run();
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "rapport-devstack",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    /** A port nobody listens on right now (and different from {@code avoid}). */
    static int freePort(int... avoid) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
                int candidate = socket.getLocalPort();
                boolean clash = false;
                for (int taken : avoid) {
                    clash |= taken == candidate;
                }
                if (!clash) {
                    return candidate;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("No free port", e);
            }
        }
        throw new IllegalStateException("No free port found");
    }

    @Override
    public String toString() {
        return "Kafka on " + bootstrapServers() + " (log dir " + logDirectory + ")";
    }
}
