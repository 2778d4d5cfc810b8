package dev.rapport.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The product as {@code ./rapport up} starts it, on free ports with its own state directory: the
 * launcher script itself is called with environment overrides, so there is one start procedure. One
 * stack per test JVM, started by the first test that asks and stopped ({@code ./rapport down}) when the
 * JVM exits, whether the tests passed or not.
 *
 * <p>Faults: {@link #rapport(String...)} with {@code stop NAME} / {@code start NAME} stops or starts one
 * service (or {@code devstack}) and waits for readiness; {@link #pid(String)} gives a process to signal.
 */
public final class SystemStack {

    private static SystemStack instance;

    private final Path root;
    private final Path state;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, Integer> servicePorts = new LinkedHashMap<>();
    private final int postgresPort;
    private final int kafkaPort;

    private final boolean reused;

    private SystemStack(Path root, Path state, boolean reuse) {
        this.root = root;
        this.state = state;
        this.reused = reuse;
        List<String> names = new ArrayList<>();
        for (String line : runCapture(List.of("services"), Map.of())) {
            names.add(line.substring(0, line.indexOf(':')));
        }
        int[] ports = reuse ? portsFromEnvironment(names) : freePorts(names.size() + 2);
        postgresPort = ports[0];
        kafkaPort = ports[1];
        environment.put("RAPPORT_STATE_DIR", state.toString());
        environment.put("RAPPORT_PG_PORT", Integer.toString(postgresPort));
        environment.put("RAPPORT_KAFKA_PORT", Integer.toString(kafkaPort));
        environment.put("RAPPORT_SKIP_BUILD", "1");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            servicePorts.put(name, ports[i + 2]);
            environment.put("RAPPORT_" + name.toUpperCase().replace('-', '_') + "_PORT", Integer.toString(ports[i + 2]));
        }
    }

    /** The running stack, started on first use. */
    public static synchronized SystemStack get() {
        if (instance == null) {
            Path root = Path.of(System.getProperty("rapport.root", "..")).toAbsolutePath().normalize();
            Path state = Path.of(System.getProperty("rapport.state-dir", "target/rapport-stack")).toAbsolutePath();
            // While writing tests: -Drapport.reuse-running=true with the RAPPORT_* variables of a stack
            // started by hand (./rapport up with the same overrides) skips the start and the stop.
            boolean reuse = Boolean.getBoolean("rapport.reuse-running");
            if (reuse) {
                state = Path.of(System.getenv("RAPPORT_STATE_DIR"));
            }
            SystemStack stack = new SystemStack(root, state, reuse);
            if (!reuse) {
                stack.start();
            }
            instance = stack;
        }
        return instance;
    }

    private void start() {
        rapportQuietly("down"); // a stack left by an aborted run in the same state directory
        deleteRecursively(state);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> rapportQuietly("down"), "system-stack-down"));
        long started = System.nanoTime();
        try {
            rapport("up");
        } catch (RuntimeException first) {
            // On a loaded machine a service may miss its database's start-up window; up again starts
            // only what is not running.
            System.err.println("./rapport up failed once, trying again: " + first.getMessage());
            try {
                rapport("up");
            } catch (RuntimeException e) {
                throw new IllegalStateException(e.getMessage() + "\n" + logTails(), e);
            }
        }
        System.out.printf("System stack up in %.1f s: gateway %s, services %s, PostgreSQL %d, Kafka %d, state %s%n",
                (System.nanoTime() - started) / 1e9, gatewayUrl(), servicePorts, postgresPort, kafkaPort, state);
    }

    public String gatewayUrl() {
        return "http://localhost:" + servicePorts.get("gateway");
    }

    /** Service names in start order (gateway last), as ./rapport knows them. */
    public List<String> services() {
        return List.copyOf(servicePorts.keySet());
    }

    /** Services that own a database (every one but the gateway); the database is the name without "-service". */
    public List<String> servicesWithDatabase() {
        return services().stream().filter(name -> !name.equals("gateway")).toList();
    }

    public String jdbcUrl(String service) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + service.replaceFirst("-service$", "");
    }

    public String kafkaBootstrap() {
        return "localhost:" + kafkaPort;
    }

    public Path stateDirectory() {
        return state;
    }

    public Path logsDirectory() {
        return state.resolve("logs");
    }

    /** The RSA key the development tokens are signed with (./rapport token uses it too). */
    public Path jwtPrivateKey() {
        return state.resolve("gateway-signing").resolve("jwt-private.pem");
    }

    public long pid(String name) {
        try {
            return Long.parseLong(Files.readString(state.resolve("pids").resolve(name + ".pid")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code ./rapport ARGS} against this stack; fails with its output when it fails. */
    public List<String> rapport(String... args) {
        return runCapture(List.of(args), environment);
    }

    private void rapportQuietly(String... args) {
        try {
            runCapture(List.of(args), environment);
        } catch (RuntimeException e) {
            System.err.println("./rapport " + String.join(" ", args) + ": " + e.getMessage());
        }
    }

    private List<String> runCapture(List<String> args, Map<String, String> env) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("rapport").toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("./rapport " + String.join(" ", args) + " did not finish");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./rapport " + String.join(" ", args) + " exited with "
                        + process.exitValue() + ":\n" + text);
            }
            return text.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String logTails() {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> logs = Files.list(logsDirectory())) {
            for (Path log : logs.sorted().toList()) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                out.append("---- ").append(log.getFileName()).append(" (last 20 lines)\n");
                lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(l -> out.append(l).append('\n'));
            }
        } catch (IOException e) {
            out.append("(no logs: ").append(e.getMessage()).append(")");
        }
        return out.toString();
    }

    private static int[] portsFromEnvironment(List<String> names) {
        int[] ports = new int[names.size() + 2];
        ports[0] = Integer.parseInt(System.getenv("RAPPORT_PG_PORT"));
        ports[1] = Integer.parseInt(System.getenv("RAPPORT_KAFKA_PORT"));
        for (int i = 0; i < names.size(); i++) {
            ports[i + 2] = Integer.parseInt(System.getenv("RAPPORT_" + names.get(i).toUpperCase().replace('-', '_') + "_PORT"));
        }
        return ports;
    }

    public boolean reused() {
        return reused;
    }

    // Held open together so no two are the same; a race with another process remains possible but rare.
    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a probe socket
                }
            }
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
