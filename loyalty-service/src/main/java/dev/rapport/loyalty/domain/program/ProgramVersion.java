package dev.rapport.loyalty.domain.program;

import java.time.Instant;
import java.util.Objects;

/** A version of the program's rules, in force from {@code effectiveFrom} until a later version starts. */
public record ProgramVersion(int version, Instant effectiveFrom, ProgramRules rules, Instant createdAt) {

    public ProgramVersion {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(rules, "rules");
    }
}
