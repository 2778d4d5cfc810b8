package dev.rapport.loyalty.domain.account;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/** Membership anniversaries (UTC dates): the opening date in every later year; 29 February -> 28 February. */
public final class Anniversaries {

    private Anniversaries() {
    }

    /** The anniversary falling in [from, to], if any. */
    public static Optional<LocalDate> between(Instant openedAt, LocalDate from, LocalDate to) {
        LocalDate opened = openedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            if (year <= opened.getYear()) {
                continue;
            }
            LocalDate candidate = opened.withYear(year);
            if (!candidate.isBefore(from) && !candidate.isAfter(to)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The next anniversary on or after {@code today}. */
    public static LocalDate next(Instant openedAt, LocalDate today) {
        LocalDate opened = openedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        int year = Math.max(today.getYear(), opened.getYear() + 1);
        LocalDate candidate = opened.withYear(year);
        return candidate.isBefore(today) ? opened.withYear(year + 1) : candidate;
    }
}
