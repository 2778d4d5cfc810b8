package dev.rapport.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import dev.rapport.kernel.paging.PageCursor;

/**
 * Opaque cursors: base64url of {@code kind|epochSecond|nano|id}. Opaque so clients cannot build
 * them and we may change the format; the kind (a short name per list, such as {@code c1}) stops a
 * purchases cursor from paging customers.
 */
public final class Cursors {

    /** A kind is a short name: at most this many characters. */
    public static final int KIND_MAX_LENGTH = 8;
    /**
     * No issued cursor is longer: 8 + 1 + 20 (epoch second) + 1 + 9 (nano) + 1 + 36 (id) = 76 bytes are
     * 102 base64 characters. A longer one is refused before it is decoded.
     */
    public static final int MAX_LENGTH = 128;

    private Cursors() {
    }

    public static String encode(String kind, PageCursor cursor) {
        if (cursor == null) {
            return null;
        }
        if (kind.length() > KIND_MAX_LENGTH) {
            throw new IllegalArgumentException("cursor kind '" + kind + "' is longer than " + KIND_MAX_LENGTH);
        }
        String plain = kind + "|" + cursor.position().getEpochSecond() + "|" + cursor.position().getNano() + "|"
                + cursor.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static PageCursor decode(String kind, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            if (cursor.strip().length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String plain = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|");
            if (parts.length != 4 || !parts[0].equals(kind)) {
                throw new IllegalArgumentException("wrong shape");
            }
            Instant position = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            return new PageCursor(position, UUID.fromString(parts[3]));
        } catch (RuntimeException invalid) {
            throw ProblemException.badRequest("cursor", "is not a cursor issued by this list; "
                    + "use nextCursor from the previous page");
        }
    }
}
