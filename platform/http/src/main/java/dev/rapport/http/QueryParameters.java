package dev.rapport.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

import dev.rapport.kernel.InvalidValueException;
import dev.rapport.kernel.NotFoundException;
import dev.rapport.kernel.WireNames;
import dev.rapport.kernel.paging.PageRequest;

/**
 * Query and path parameters parsed by hand: JAX-RS answers a malformed {@code ?limit=x} with a bare
 * 404, where a client deserves a 400 problem naming the parameter.
 */
public final class QueryParameters {

    // Beyond four-digit years a timestamp is a typo or a probe, and PostgreSQL cannot store all of them.
    private static final Instant EARLIEST = LocalDate.of(0, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END = LocalDate.of(10000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private QueryParameters() {
    }

    /** {@code ?limit=&cursor=} of a list whose cursors carry {@code cursorKind}. */
    public static PageRequest page(String limit, String cursor, String cursorKind, int defaultLimit, int maxLimit) {
        return new PageRequest(limit(limit, defaultLimit, maxLimit), Cursors.decode(cursorKind, cursor));
    }

    /** Absent: {@code defaultLimit}; otherwise an integer from 1 to {@code maxLimit}. */
    public static int limit(String raw, int defaultLimit, int maxLimit) {
        if (raw == null || raw.isBlank()) {
            return Math.min(defaultLimit, maxLimit);
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= maxLimit) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ProblemException.badRequest("limit", "must be an integer from 1 to " + maxLimit);
    }

    /** An ISO-8601 timestamp with offset, or null when absent. Years outside 0000..9999 are refused. */
    public static Instant instant(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(raw.strip()).toInstant();
            if (instant.isBefore(EARLIEST) || !instant.isBefore(END)) {
                throw ProblemException.badRequest(name, "must be between years 0000 and 9999");
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO-8601 timestamp with offset, like 2024-01-31T10:15:30Z");
        }
    }

    /** An ISO-8601 date ({@code 2024-01-31}), or null when absent. */
    public static LocalDate date(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(raw.strip());
            if (date.getYear() < 0 || date.getYear() > 9999) {
                throw ProblemException.badRequest(name, "must be between years 0000 and 9999");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO-8601 date, like 2024-01-31");
        }
    }

    /** A canonical UUID, or null when it is not one (the caller decides: 404 for a path id, 400 for a filter). */
    public static UUID uuidOrNull(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            UUID id = UUID.fromString(raw);
            // fromString also takes short forms like 1-1-1-1-1; only the canonical form names a resource.
            return id.toString().equalsIgnoreCase(raw) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A UUID filter, or null when absent; anything but a canonical UUID is a 400 naming the parameter. */
    public static UUID uuid(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        UUID id = uuidOrNull(raw.strip());
        if (id == null) {
            throw ProblemException.badRequest(name, "must be a UUID");
        }
        return id;
    }

    /** An enum filter by its wire name, or null when absent; an unknown name is a 400 listing the accepted ones. */
    public static <E extends Enum<E>> E wireName(String name, Class<E> type, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return WireNames.parse(type, raw.strip());
        } catch (InvalidValueException e) {
            throw ProblemException.badRequest(name, e.getMessage());
        }
    }

    /**
     * A path id. A malformed one names no resource, so it is a 404 like an unknown one; {@code what} is the
     * kind of thing in words ("Complaint"), the problem's title.
     */
    public static UUID pathId(String what, String raw) {
        UUID id = uuidOrNull(raw);
        if (id == null) {
            throw new NotFoundException(what, "no " + what.toLowerCase(Locale.ROOT) + " " + raw);
        }
        return id;
    }
}
