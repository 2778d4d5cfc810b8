package dev.rapport.http.identity;

import java.security.PublicKey;
import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

/**
 * Checks the gateway's tokens with the configured public key. Created at start-up, so a service
 * that must verify identities but has no key fails to start instead of refusing every request.
 */
@Startup
@ApplicationScoped
public class IdentityVerifier {

    private static final String BEARER = "Bearer ";

    private final IdentityConfig config;
    private final PublicKey key;
    private final Clock clock = Clock.systemUTC();

    public IdentityVerifier(IdentityConfig config) {
        this.config = config;
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
        return Optional.of(IdentityTokens.verify(authorization.substring(BEARER.length()).strip(), key,
                config.issuer(), config.audience(), clock.instant(), config.clockSkew()));
    }
}
