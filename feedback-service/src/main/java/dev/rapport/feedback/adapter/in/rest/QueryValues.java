package dev.rapport.feedback.adapter.in.rest;

import dev.rapport.http.ProblemException;
import dev.rapport.http.QueryParameters;
import dev.rapport.kernel.InvalidValueException;
import dev.rapport.kernel.WireNames;

import java.time.Instant;
import java.util.UUID;

/** Query parameters of this service's lists, each a 400 problem naming the parameter when malformed. */
public final class QueryValues {

    private QueryValues() {
    }

    public static Instant instant(String name, String raw) {
        return QueryParameters.instant(name, raw);
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

    /** A free-text filter, stripped and lower-cased; longer than {@code maxLength} is a 400 as documented. */
    public static String text(String name, String raw, int maxLength) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        if (value.length() > maxLength) {
            throw ProblemException.badRequest(name, "must be at most " + maxLength + " characters");
        }
        return value.toLowerCase(java.util.Locale.ROOT);
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
