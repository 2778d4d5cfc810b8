package dev.rapport.http.identity;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

/** The verified caller of the current request, set by {@link IdentityFilter}; empty when none was sent. */
@RequestScoped
public class CurrentCaller {

    private CallerIdentity identity;

    void set(CallerIdentity identity) {
        this.identity = identity;
    }

    public Optional<CallerIdentity> identity() {
        return Optional.ofNullable(identity);
    }

    /** The principal for audit fields, or {@code fallback} when no token came (possible only where not required). */
    public String principalOr(String fallback) {
        return identity == null ? fallback : identity.principal();
    }
}
