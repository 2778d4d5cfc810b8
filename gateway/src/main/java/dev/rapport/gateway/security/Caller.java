package dev.rapport.gateway.security;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling: a frontend user (bearer JWT, with roles) or a partner system (API key, with
 * scopes). {@link #rateLimitKey()} identifies the caller's token bucket.
 */
public record Caller(Kind kind, String id, Set<String> roles, Set<String> scopes, String rateLimitClass) {

    public enum Kind { USER, PARTNER }

    public Caller {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(rateLimitClass, "rateLimitClass");
    }

    public static Caller user(String subject, Set<String> roles) {
        return new Caller(Kind.USER, subject, roles, Set.of(), "frontend");
    }

    public static Caller partner(String keyName, Set<String> scopes, String rateLimitClass) {
        return new Caller(Kind.PARTNER, keyName, Set.of(), scopes, rateLimitClass);
    }

    /** For logs and the X-Rapport-Principal header: jwt:alice or apikey:acme-shop. */
    public String principal() {
        return (kind == Kind.USER ? "jwt:" : "apikey:") + id;
    }

    public String rateLimitKey() {
        return principal();
    }
}
