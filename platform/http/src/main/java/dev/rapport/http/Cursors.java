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

    private Cursors() {
    }

    public static String encode(String kind, PageCursor cursor) {
        if (cursor == null) {
            return null;
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
