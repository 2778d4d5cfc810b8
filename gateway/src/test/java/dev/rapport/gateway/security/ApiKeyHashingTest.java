package dev.rapport.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ApiKeyHashingTest {

    private static ApiKey stored(String name, String key) {
        return ApiKey.fromHex(name, HexFormat.of().formatHex(ApiKeyHashing.sha256(key)), Set.of("customers:read"), "partner");
    }

    @Test
    void findsTheKeyWhoseHashMatches() {
        List<ApiKey> keys = List.of(stored("acme", "rk_acme-secret"), stored("globex", "rk_globex-secret"));
        assertEquals("globex", ApiKeyHashing.match("rk_globex-secret", keys).orElseThrow().name());
        assertEquals("acme", ApiKeyHashing.match("rk_acme-secret", keys).orElseThrow().name());
    }

    @Test
    void rejectsUnknownEmptyAndOversizedKeys() {
        List<ApiKey> keys = List.of(stored("acme", "rk_acme-secret"));
        assertTrue(ApiKeyHashing.match("rk_acme-secreT", keys).isEmpty());
        assertTrue(ApiKeyHashing.match("", keys).isEmpty());
        assertTrue(ApiKeyHashing.match(null, keys).isEmpty());
        assertTrue(ApiKeyHashing.match("x".repeat(1000), keys).isEmpty());
    }

    @Test
    void storesOnlyTheHashAndValidatesIt() {
        ApiKey key = stored("acme", "rk_acme-secret");
        assertEquals(32, key.sha256().length);
        assertThrows(IllegalArgumentException.class, () -> ApiKey.fromHex("acme", "abc", Set.of(), "partner"));
        assertThrows(IllegalArgumentException.class, () -> ApiKey.fromHex(" ", "0".repeat(64), Set.of(), "partner"));
    }
}
