package dev.rapport.gateway.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The partner keys the gateway accepts: keys from configuration plus the key file
 * ({@code rapport.gateway.api-keys.file}), which is checked every {@code reload-interval} and
 * re-read when its modification time, size or identity changed. A key created or revoked with
 * {@code tools/DevKeys.java} therefore takes effect within about a second, without a restart.
 * A file that cannot be parsed leaves the previous keys in place (a half-edited file must not
 * lock every partner out); a deleted file revokes its keys.
 *
 * <p>File format: {@code {"keys":[{"name":..,"sha256":"<hex>","scopes":[..],"rateLimitClass":..}]}}.
 */
@Singleton
public class ApiKeyStore {

    private static final Logger LOG = Logger.getLogger(ApiKeyStore.class);

    private final Duration reloadInterval;
    private final ObjectMapper mapper;
    private final Path file;
    private final List<ApiKey> staticKeys;

    private volatile List<ApiKey> keys;
    private volatile FileVersion loadedVersion = FileVersion.ABSENT;
    private ScheduledExecutorService reloader;

    @Inject
    public ApiKeyStore(GatewayConfig config, ObjectMapper mapper) {
        this(config.apiKeys().file(), config.apiKeys().reloadInterval(), staticKeys(config.apiKeys().staticKeys()), mapper);
    }

    ApiKeyStore(Path file, Duration reloadInterval, List<ApiKey> staticKeys, ObjectMapper mapper) {
        this.file = file.toAbsolutePath().normalize();
        this.reloadInterval = reloadInterval;
        this.staticKeys = List.copyOf(staticKeys);
        this.mapper = mapper;
        this.keys = this.staticKeys;
    }

    void start(@Observes StartupEvent event) {
        reloadIfChanged();
        reloader = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rapport-api-key-reloader");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(100, reloadInterval.toMillis());
        reloader.scheduleWithFixedDelay(this::reloadIfChanged, interval, interval, TimeUnit.MILLISECONDS);
        LOG.infof("API keys: %d static, key file %s (checked every %d ms)", staticKeys.size(), file, interval);
    }

    void stop(@Observes ShutdownEvent event) {
        if (reloader != null) {
            reloader.shutdownNow();
        }
    }

    public Optional<ApiKey> authenticate(String presentedKey) {
        return ApiKeyHashing.match(presentedKey, keys);
    }

    public List<ApiKey> keys() {
        return keys;
    }

    public Path file() {
        return file;
    }

    /** Re-reads the key file when it changed since the last read. Safe to call from any thread. */
    public synchronized void reloadIfChanged() {
        FileVersion current = FileVersion.of(file);
        if (current.equals(loadedVersion)) {
            return;
        }
        if (current == FileVersion.ABSENT) {
            if (loadedVersion != FileVersion.ABSENT) {
                LOG.warnf("API key file %s is gone: its keys are revoked", file);
            }
            keys = staticKeys;
            loadedVersion = current;
            return;
        }
        try {
            List<ApiKey> fromFile = parse(Files.readAllBytes(file));
            List<ApiKey> all = new ArrayList<>(staticKeys);
            all.addAll(fromFile);
            keys = List.copyOf(all);
            loadedVersion = current;
            LOG.infof("API key file %s loaded: %d keys", file, fromFile.size());
        } catch (IOException | RuntimeException e) {
            // Keep the previous keys; remember the version so a broken file is reported once.
            loadedVersion = current;
            LOG.errorf("API key file %s not loaded, keeping the previous %d keys: %s", file, keys.size(),
                    e.getMessage());
        }
    }

    List<ApiKey> parse(byte[] json) throws IOException {
        JsonNode root = mapper.readTree(json);
        if (root == null || !root.isObject()) {
            throw new IOException("expected a JSON object with a 'keys' array");
        }
        JsonNode entries = root.path("keys");
        if (!entries.isArray()) {
            throw new IOException("expected a 'keys' array");
        }
        List<ApiKey> parsed = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode entry : entries) {
            String name = entry.path("name").asText(null);
            Set<String> scopes = new LinkedHashSet<>();
            entry.path("scopes").forEach(scope -> scopes.add(scope.asText()));
            String rateLimitClass = entry.path("rateLimitClass").asText("partner");
            ApiKey key = ApiKey.fromHex(name, entry.path("sha256").asText(null), scopes, rateLimitClass);
            if (!names.add(key.name())) {
                throw new IOException("duplicate key name '" + key.name() + "'");
            }
            parsed.add(key);
        }
        return parsed;
    }

    private static List<ApiKey> staticKeys(Map<String, GatewayConfig.StaticKey> configured) {
        List<ApiKey> result = new ArrayList<>();
        configured.forEach((name, key) -> result.add(
                ApiKey.fromHex(name, key.sha256(), new LinkedHashSet<>(key.scopes()), key.rateLimitClass())));
        return List.copyOf(result);
    }

    /** What identifies one version of the file: an atomic rename changes the file key. */
    private record FileVersion(Object fileKey, long modifiedNanos, long size) {
        static final FileVersion ABSENT = new FileVersion("absent", -1, -1);

        static FileVersion of(Path path) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                return new FileVersion(Objects.requireNonNullElse(attributes.fileKey(), "none"),
                        attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), attributes.size());
            } catch (NoSuchFileException e) {
                return ABSENT;
            } catch (IOException e) {
                LOG.warnf("cannot stat API key file %s: %s", path, e.getMessage());
                return ABSENT;
            }
        }
    }
}
