package dev.rapport.http;

import java.net.URI;

/**
 * The problem {@code type} URIs shared by every service. Services may mint their own under the
 * same base ({@link #of(String)}), e.g. {@code https://rapport.dev/problems/return-exceeds-purchase}.
 */
public final class ProblemTypes {

    public static final String BASE = "https://rapport.dev/problems/";

    public static final String VALIDATION = BASE + "validation";
    public static final String MALFORMED_REQUEST = BASE + "malformed-request";
    public static final String NOT_FOUND = BASE + "not-found";
    public static final String METHOD_NOT_ALLOWED = BASE + "method-not-allowed";
    public static final String NOT_ACCEPTABLE = BASE + "not-acceptable";
    public static final String UNSUPPORTED_MEDIA_TYPE = BASE + "unsupported-media-type";
    public static final String CONFLICT = BASE + "conflict";
    public static final String PRECONDITION_FAILED = BASE + "precondition-failed";
    public static final String UNPROCESSABLE = BASE + "unprocessable";
    public static final String INTERNAL = BASE + "internal";
    /** Any other HTTP error without a more specific type; RFC 9457 says "about:blank" means "see the status". */
    public static final String ABOUT_BLANK = "about:blank";

    private ProblemTypes() {
    }

    public static String of(String slug) {
        return URI.create(BASE + slug).toString();
    }
}
