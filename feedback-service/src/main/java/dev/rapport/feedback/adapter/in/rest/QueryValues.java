package dev.rapport.feedback.adapter.in.rest;

import dev.rapport.http.ProblemException;
import dev.rapport.http.QueryParameters;
import dev.rapport.kernel.InvalidValueException;
import dev.rapport.kernel.WireNames;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Query parameters of this service's lists, each a 400 problem naming the parameter when malformed.
 * Instants are parsed here rather than with {@code QueryParameters.instant}: that one compares with
 * {@code Instant.parse("10000-01-01T00:00:00Z")}, which itself does not parse, so it refuses every value.
 */
public final class QueryValues {

    private static final Instant MIN = OffsetDateTime.parse("0000-01-01T00:00:00Z").toInstant();
    private static final Instant MAX = OffsetDateTime.parse("+10000-01-01T00:00:00Z").toInstant();

    private QueryValues() {
    }

    public static Instant instant(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO-8601 timestamp with offset, like 2024-01-31T10:15:30Z");
        }
        if (instant.isBefore(MIN) || !instant.isBefore(MAX)) {
            throw ProblemException.badRequest(name, "must be between years 0000 and 9999");
        }
        return instant;
    }

    public static UUID uuid(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        UUID id = QueryParameters.uuidOrNull(raw.strip());
        if (id == null) {
            throw ProblemException.badRequest(name, "must be a UUID");
        }
        return id;
    }

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

    /** A path id: a malformed one names no resource, so it is a 404 like an unknown one. */
    public static UUID pathId(String what, String raw) {
        UUID id = QueryParameters.uuidOrNull(raw);
        if (id == null) {
            throw ProblemException.notFound("no " + what + " " + raw);
        }
        return id;
    }
}
