package dev.rapport.testing;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import dev.rapport.http.identity.CallerIdentity;
import dev.rapport.http.identity.IdentityKeys;
import dev.rapport.http.identity.IdentityTokens;

/**
 * Identity tokens as the gateway signs them, with the test key pair that every service's {@code %test}
 * profile trusts ({@code rapport.identity.public-key-location=classpath:}{@value #PUBLIC_KEY}).
 */
public final class TestIdentity {

    public static final String PUBLIC_KEY = "dev/rapport/testing/identity/test-public.pem";
    public static final String ISSUER = "rapport-gateway";
    public static final String AUDIENCE = "rapport-services";

    private static final PrivateKey KEY = IdentityKeys.privateKey("classpath:dev/rapport/testing/identity/test-private.pem");

    private TestIdentity() {
    }

    /** {@code Authorization} header value for an admin user {@code jwt:<subject>}. */
    public static String bearer(String principal) {
        return bearer(principal, Set.of("crm-admin"), Set.of());
    }

    public static String bearer(String principal, Set<String> roles, Set<String> scopes) {
        return "Bearer " + token(new CallerIdentity(principal, roles, scopes), Instant.now(), Duration.ofSeconds(60));
    }

    /** A raw token, e.g. an expired one: {@code token(caller, Instant.now().minusSeconds(120), Duration.ofSeconds(60))}. */
    public static String token(CallerIdentity caller, Instant issuedAt, Duration ttl) {
        return IdentityTokens.sign(caller, KEY, ISSUER, AUDIENCE, issuedAt, ttl);
    }
}
