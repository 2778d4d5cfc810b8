package dev.rapport.gateway.security;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/** A partner key as stored: name, SHA-256 of the key (never the key), scopes, rate limit class. */
public record ApiKey(String name, byte[] sha256, Set<String> scopes, String rateLimitClass) {

    public ApiKey {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("API key name is required");
        }
        Objects.requireNonNull(sha256, "sha256");
        if (sha256.length != 32) {
            throw new IllegalArgumentException("API key '" + name + "': sha256 must be 32 bytes");
        }
        sha256 = sha256.clone();
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(rateLimitClass, "rateLimitClass");
    }

    public static ApiKey fromHex(String name, String sha256Hex, Set<String> scopes, String rateLimitClass) {
        if (sha256Hex == null || !sha256Hex.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("API key '" + name + "': sha256 must be 64 hex characters");
        }
        return new ApiKey(name, HexFormat.of().parseHex(sha256Hex), scopes, rateLimitClass);
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    byte[] hashForComparison() {
        return sha256;
    }
}
