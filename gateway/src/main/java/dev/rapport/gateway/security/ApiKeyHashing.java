package dev.rapport.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * Keys are 256-bit random values, so a single SHA-256 is enough to store them: a slow password
 * hash (bcrypt, Argon2) only helps against guessing low-entropy secrets, and 2^256 candidates
 * cannot be guessed, fast hash or not. A fast hash also keeps the check cheap on every request.
 */
public final class ApiKeyHashing {

    /** Longest header value we hash; real keys are 46 characters. */
    static final int MAX_KEY_LENGTH = 256;

    private ApiKeyHashing() {
    }

    /** One digest per thread: looking the algorithm up on every request costs more than hashing. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    public static byte[] sha256(String key) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return digest.digest(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Finds the key whose hash equals the presented key's hash. Compares against every key with
     * {@link MessageDigest#isEqual} (constant time) and never stops early, so the time taken says
     * nothing about which stored hash came close.
     */
    public static Optional<ApiKey> match(String presented, List<ApiKey> keys) {
        if (presented == null || presented.isEmpty() || presented.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        byte[] hash = sha256(presented);
        ApiKey found = null;
        for (ApiKey key : keys) {
            if (MessageDigest.isEqual(hash, key.hashForComparison()) && found == null) {
                found = key;
            }
        }
        return Optional.ofNullable(found);
    }
}
