package dev.rapport.customer.adapter.in.rest;

/**
 * Bounds the OpenAPI document states for values no domain type limits: each is a limit the HTTP
 * layer or the format itself enforces, so a longer value is refused or cannot occur.
 */
public final class OpenApiBounds {

    /** A UUID in its canonical 8-4-4-4-12 form; a longer id names nothing (404) or is refused (400). */
    public static final int UUID_LENGTH = 36;
    /**
     * A query parameter's value cannot be longer than the request line, which Quarkus limits to 4096
     * characters (quarkus.http.limits.max-initial-line-length), in the gateway and in the service.
     */
    public static final int QUERY_VALUE_MAX_LENGTH = 4096;
    /**
     * A request header's value cannot be longer than all headers together, which Quarkus limits to
     * 20 KiB (quarkus.http.limits.max-header-size), in the gateway and in the service.
     */
    public static final int HEADER_VALUE_MAX_LENGTH = 20 * 1024;
    /** An ISO-8601 date-time: longer than any form java.time parses (at most 45 characters). */
    public static final int DATE_TIME_MAX_LENGTH = 64;
    /** An entity tag: a version (at most 19 digits) in quotes. */
    public static final int ETAG_MAX_LENGTH = 21;
    public static final String ETAG_PATTERN = "^\"[0-9]{1,19}\"$";
    /**
     * A Location: scheme, a host of at most 253 characters, a port and a path of ids and keys (a
     * percent-encoded order id is at most 300 characters); 2048 leaves room.
     */
    public static final int LOCATION_MAX_LENGTH = 2048;

    private OpenApiBounds() {
    }
}
