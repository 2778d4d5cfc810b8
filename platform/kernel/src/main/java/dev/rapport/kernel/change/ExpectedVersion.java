package dev.rapport.kernel.change;

import java.util.Set;

/**
 * The versions a conditional update accepts (from {@code If-Match}); {@link #ANY} when the client
 * sent no condition. An empty set matches nothing, e.g. for an unparseable entity tag.
 */
public record ExpectedVersion(Set<Long> anyOf, boolean any) {

    public static final ExpectedVersion ANY = new ExpectedVersion(Set.of(), true);

    public ExpectedVersion {
        anyOf = Set.copyOf(anyOf);
    }

    public static ExpectedVersion oneOf(Set<Long> versions) {
        return new ExpectedVersion(versions, false);
    }

    public boolean matches(long version) {
        return any || anyOf.contains(version);
    }
}
