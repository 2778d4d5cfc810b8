package dev.rapport.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.rapport.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What the gateway talks to in tests:
 * <ul>
 * <li>customer: the REAL customer-service, started from its built jar
 * ({@code ../customer-service/target/quarkus-app/quarkus-run.jar}) on a free port, against the
 * DevStack's real PostgreSQL (database {@code customer}) and Kafka;</li>
 * <li>feedback and segmentation: small Vert.x stubs ({@link UpstreamStubs}) for what a real
 * service cannot be made to do on demand: hang, drop connections, fail, echo what it received;</li>
 * <li>loyalty: a port nobody listens on (a service that is down).</li>
 * </ul>
 * It also creates the JWT key pair with tools/DevKeys.java (so the tool's PEM files and tokens are
 * what the tests use) and a key file with the partner keys the tests need.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    static final String CUSTOMER_JAR = "../customer-service/target/quarkus-app/quarkus-run.jar";
    static final String DEV_KEYS = "../tools/DevKeys.java";

    /** Partner keys created at start: name -> scopes, class. */
    static final Map<String, String[]> PRESET_KEYS = Map.of(
            "reader", new String[] { "customers:read", "partner" },
            "writer", new String[] { "customers:read,customers:write,purchases:write", "partner" },
            "feedback-partner", new String[] { "feedback:read,feedback:write", "partner" },
            "trickle", new String[] { "customers:read", "trickle" });

    private Process customerService;
    private UpstreamStubs stubs;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("rapport-gateway-test-");
            runDevKeys(dir, "init");
            Map<String, String> config = new HashMap<>();
            config.put("mp.jwt.verify.publickey.location", "file:" + dir.resolve("jwt-public.pem"));
            config.put("mp.jwt.verify.issuer", "https://rapport.dev/local");
            config.put("rapport.gateway.api-keys.file", dir.resolve("api-keys.json").toString());
            config.put("test.gateway.dir", dir.toString());
            config.put("rapport.gateway.identity.private-key-location", "file:" + identityPrivateKey(dir));
            config.putAll(writePresetKeys(dir.resolve("api-keys.json")));

            Map<String, String> devstack = startDevStack();
            int customerPort = freePort();
            customerService = startCustomerService(customerPort, devstack, identityPublicKey(dir));

            stubs = UpstreamStubs.start();
            config.put("rapport.gateway.upstreams.customer.url", "http://127.0.0.1:" + customerPort);
            config.put("rapport.gateway.upstreams.feedback.url", "http://127.0.0.1:" + stubs.feedbackPort());
            config.put("rapport.gateway.upstreams.segmentation.url", "http://127.0.0.1:" + stubs.segmentationPort());
            config.put("rapport.gateway.upstreams.loyalty.url", "http://127.0.0.1:" + freePort());
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (customerService != null) {
            customerService.destroy();
            try {
                if (!customerService.waitFor(30, TimeUnit.SECONDS)) {
                    customerService.destroyForcibly();
                }
            } catch (InterruptedException e) {
                customerService.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (stubs != null) {
            stubs.close();
        }
    }

    private static Map<String, String> startDevStack() {
        DevStackResource devStack = new DevStackResource();
        devStack.init(Map.of(DevStackResource.DATABASE_ARG, "customer"));
        return devStack.start();
    }

    /** Where DevKeys puts the gateway's identity pair: folders beside the key directory. */
    static Path identityPrivateKey(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + "-identity-signing").resolve("gateway-identity-private.pem");
    }

    static Path identityPublicKey(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + "-identity").resolve("gateway-identity-public.pem");
    }

    private static Process startCustomerService(int port, Map<String, String> devstack, Path identityPublicKey)
            throws IOException {
        Path jar = Path.of(CUSTOMER_JAR).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("customer-service is not built: " + jar + " is missing. "
                    + "Build customer-service first: ./mvnw -pl customer-service -am package -DskipTests");
        }
        Path log = Path.of("target", "customer-service-for-gateway-tests.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(devstack);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("IDENTITY_PUBLIC_KEY_LOCATION", "file:" + identityPublicKey);
        Process process = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("customer-service stopped during start (exit " + process.exitValue()
                        + "); its log: " + log + "\n" + tail(log));
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("customer-service not ready after 180 s; its log: " + log + "\n" + tail(log));
    }

    /** Runs tools/DevKeys.java like ./rapport does; returns its standard output. */
    static String runDevKeys(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), DEV_KEYS));
        command.addAll(List.of(args));
        command.add("--dir");
        command.add(dir.toString());
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("DevKeys " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes the preset keys the way DevKeys does and returns their plain values as test config. */
    private static Map<String, String> writePresetKeys(Path keyFile) throws IOException {
        Map<String, String> plain = new HashMap<>();
        StringBuilder json = new StringBuilder("{\"keys\": [");
        SecureRandom random = new SecureRandom();
        boolean first = true;
        for (Map.Entry<String, String[]> preset : new LinkedHashMap<>(PRESET_KEYS).entrySet()) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            String key = "rk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            plain.put("test.gateway.key." + preset.getKey(), key);
            String scopes = "\"" + String.join("\", \"", preset.getValue()[0].split(",")) + "\"";
            json.append(first ? "" : ",").append("{\"name\": \"").append(preset.getKey())
                    .append("\", \"sha256\": \"").append(sha256(key))
                    .append("\", \"scopes\": [").append(scopes)
                    .append("], \"rateLimitClass\": \"").append(preset.getValue()[1]).append("\"}");
            first = false;
        }
        json.append("]}");
        Files.writeString(keyFile, json.toString());
        return plain;
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
