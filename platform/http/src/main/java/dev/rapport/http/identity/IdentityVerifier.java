package dev.rapport.http.identity;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;

/**
 * Checks the gateway's tokens with the configured public key. Created at start-up, so a service
 * that must verify identities but has no key fails to start instead of refusing every request.
 */
@Startup
@ApplicationScoped
public class IdentityVerifier {

    private static final String BEARER = "Bearer ";

    /** Distinct live tokens are few (the gateway reuses one per caller); past this many, expired ones go. */
    static final int REMEMBERED_TOKENS = 4096;

    private final IdentityConfig config;
    private final PublicKey key;
    private final Clock clock;
    // An Ed25519 verification costs more CPU than a typical read, and the gateway sends a caller the
    // same token for half its lifetime: a verified token's verdict is kept until the token expires.
    // Only verified tokens are kept, so forged ones cannot fill the map.
    private final Map<String, IdentityTokens.Verified> verified = new ConcurrentHashMap<>();

    @Inject
    public IdentityVerifier(IdentityConfig config) {
        this(config, Clock.systemUTC());
    }

    IdentityVerifier(IdentityConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.key = config.publicKeyLocation().map(IdentityKeys::publicKey).orElse(null);
        if (key == null && config.required()) {
            throw new IllegalStateException("rapport.identity.public-key-location (IDENTITY_PUBLIC_KEY_LOCATION) is not set: "
                    + "without the gateway's public key no request can be verified");
        }
    }

    public boolean required() {
        return config.required();
    }

    /**
     * The caller an {@code Authorization} header names; empty when there is none.
     *
     * @throws InvalidIdentityException when a header is there but is not a valid gateway token
     */
    public Optional<CallerIdentity> verify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new InvalidIdentityException("the Authorization header is not a bearer token");
        }
        if (key == null) {
            throw new InvalidIdentityException("this service has no key to verify tokens with");
        }
        String token = authorization.substring(BEARER.length()).strip();
        Instant now = clock.instant();
        IdentityTokens.Verified known = verified.get(token);
        if (known != null && now.getEpochSecond() <= known.expiresAtSecond() + config.clockSkew().toSeconds()) {
            return Optional.of(known.caller());
        }
        IdentityTokens.Verified fresh = IdentityTokens.verifyUntil(token, key, config.issuer(), config.audience(), now,
                config.clockSkew());
        remember(token, fresh, now);
        return Optional.of(fresh.caller());
    }

    private void remember(String token, IdentityTokens.Verified fresh, Instant now) {
        if (verified.size() >= REMEMBERED_TOKENS) {
            long nowSecond = now.getEpochSecond();
            verified.values().removeIf(v -> v.expiresAtSecond() + config.clockSkew().toSeconds() < nowSecond);
            if (verified.size() >= REMEMBERED_TOKENS) {
                verified.clear();
            }
        }
        verified.put(token, fresh);
    }

    int rememberedTokens() {
        return verified.size();
    }
}
