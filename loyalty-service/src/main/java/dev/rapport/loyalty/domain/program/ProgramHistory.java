package dev.rapport.loyalty.domain.program;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.rapport.kernel.FieldViolation;
import dev.rapport.kernel.RuleViolationException;

/**
 * Every version of the program, the configured defaults (version 0, in force since the epoch) first.
 * The rules at an instant are those of the version with the latest {@code effectiveFrom} not after it
 * (the higher version number wins a tie). Versions are added, never changed: history is not rewritten.
 */
public final class ProgramHistory {

    private final List<ProgramVersion> versions;

    public ProgramHistory(ProgramRules defaults, List<ProgramVersion> stored) {
        List<ProgramVersion> all = new ArrayList<>();
        all.add(new ProgramVersion(0, Instant.EPOCH, defaults, Instant.EPOCH));
        all.addAll(stored);
        all.sort(Comparator.comparing(ProgramVersion::effectiveFrom).thenComparingInt(ProgramVersion::version));
        this.versions = List.copyOf(all);
    }

    public ProgramVersion at(Instant instant) {
        ProgramVersion found = versions.getFirst();
        for (ProgramVersion version : versions) {
            if (!version.effectiveFrom().isAfter(instant)) {
                found = version;
            }
        }
        return found;
    }

    public List<ProgramVersion> upcoming(Instant now) {
        return versions.stream().filter(v -> v.effectiveFrom().isAfter(now)).toList();
    }

    public int latestVersion() {
        return versions.stream().mapToInt(ProgramVersion::version).max().orElse(0);
    }

    /** A change may only apply from now on: a past effective date would rewrite what already happened. */
    public static void checkEffectiveFrom(Instant effectiveFrom, Instant now) {
        if (effectiveFrom.isBefore(now)) {
            throw new RuleViolationException("effective-date-in-past", "Effective date in the past",
                    "a program change applies from now on; effectiveFrom " + effectiveFrom + " is before " + now,
                    List.of(new FieldViolation("effectiveFrom", "must not be in the past")), java.util.Map.of("now", now.toString()));
        }
    }
}
