package dev.rapport.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

class ApiKeyStoreTest {

    private static final String HASH = "a".repeat(64);

    @TempDir
    Path dir;

    private ApiKeyStore store(List<ApiKey> staticKeys) {
        return new ApiKeyStore(dir.resolve("api-keys.json"), Duration.ofSeconds(1), staticKeys, new ObjectMapper());
    }

    private List<ApiKey> parse(String json) throws IOException {
        return store(List.of()).parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String fileWith(String name, String key) {
        String hash = HexFormat.of().formatHex(ApiKeyHashing.sha256(key));
        return "{\"keys\": [{\"name\": \"" + name + "\", \"sha256\": \"" + hash + "\", \"scopes\": [\"customers:read\"]}]}";
    }

    @Test
    void readsTheFormatDevKeysWrites() throws IOException {
        List<ApiKey> keys = parse("{\"keys\": [{\"name\": \"acme\", \"sha256\": \"" + HASH + "\", "
                + "\"scopes\": [\"customers:read\", \"loyalty:read\"], \"rateLimitClass\": \"internal\", "
                + "\"createdAt\": \"2026-01-01T00:00:00Z\"}]}");
        assertEquals(1, keys.size());
        assertEquals("acme", keys.get(0).name());
        assertEquals(Set.of("customers:read", "loyalty:read"), keys.get(0).scopes());
        assertEquals("internal", keys.get(0).rateLimitClass());
        assertEquals("partner", parse("{\"keys\": [{\"name\": \"a\", \"sha256\": \"" + HASH + "\", \"scopes\": []}]}")
                .get(0).rateLimitClass(), "the class defaults to partner");
    }

    @Test
    void rejectsBrokenFiles() {
        assertThrows(IOException.class, () -> parse("{\"keys\": 1}"));
        assertThrows(IOException.class, () -> parse("[]"));
        assertThrows(IOException.class, () -> parse("{\"keys\": [{\"name\": \"a\", \"sha256\": \"" + HASH + "\"},"
                + "{\"name\": \"a\", \"sha256\": \"" + HASH + "\"}]}"));
        assertThrows(IllegalArgumentException.class, () -> parse("{\"keys\": [{\"name\": \"a\", \"sha256\": \"short\"}]}"));
        assertThrows(IOException.class, () -> parse("{\"keys\": ["));
    }

    @Test
    void followsTheFileAndKeepsStaticKeys() throws IOException {
        ApiKey fixed = ApiKey.fromHex("fixed", HexFormat.of().formatHex(ApiKeyHashing.sha256("rk_fixed")), Set.of("segments:read"), "partner");
        ApiKeyStore store = store(List.of(fixed));
        Path file = dir.resolve("api-keys.json");
        store.reloadIfChanged();
        assertTrue(store.authenticate("rk_fixed").isPresent(), "static keys work without a file");
        assertTrue(store.authenticate("rk_one").isEmpty());

        Files.writeString(file, fileWith("one", "rk_one"));
        store.reloadIfChanged();
        assertEquals("one", store.authenticate("rk_one").orElseThrow().name());

        // A broken write keeps the last good keys.
        Files.writeString(file, "{\"keys\": [");
        store.reloadIfChanged();
        assertTrue(store.authenticate("rk_one").isPresent());

        Files.writeString(file, fileWith("two", "rk_two"));
        store.reloadIfChanged();
        assertTrue(store.authenticate("rk_one").isEmpty(), "a key missing from the file is revoked");
        assertTrue(store.authenticate("rk_two").isPresent());

        Files.delete(file);
        store.reloadIfChanged();
        assertTrue(store.authenticate("rk_two").isEmpty(), "a deleted file revokes its keys");
        assertTrue(store.authenticate("rk_fixed").isPresent());
    }
}
