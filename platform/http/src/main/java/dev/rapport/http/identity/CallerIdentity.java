package dev.rapport.http.identity;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as the gateway vouches for it: {@code principal} is {@code jwt:<subject>} for a
 * frontend user or {@code apikey:<name>} for a partner system; roles and scopes as the gateway found
 * them. Audit fields (who erased, who adjusted points) come from here and nowhere else.
 */
public record CallerIdentity(String principal, Set<String> roles, Set<String> scopes) {

    public CallerIdentity {
        Objects.requireNonNull(principal, "principal");
        if (principal.isBlank() || principal.length() > 200) {
            throw new IllegalArgumentException("principal must have 1 to 200 characters");
        }
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }
}
