package dev.rapport.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import io.vertx.core.http.HttpServerRequest;

import dev.rapport.http.json.InputTexts;

/**
 * Refuses a request whose path or query could address something other than what it spells, before
 * a resource runs (after the identity check, so a caller without a token still learns 401):
 * <ul>
 * <li>a {@code ;} in the path: JAX-RS would read {@code /customers/by-external-id/abc;x} as id
 * {@code abc} with a matrix parameter and act on customer {@code abc}. No Rapport API uses matrix
 * parameters; a literal semicolon in an id is written {@code %3B}.</li>
 * <li>percent-encoding that is malformed or not UTF-8 ({@code %ff%fe}), which would otherwise
 * become replacement characters and be stored as such;</li>
 * <li>NUL ({@code %00}) anywhere, which PostgreSQL refuses in text (a 500 instead of a 400).</li>
 * </ul>
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RequestUriFilter implements ContainerRequestFilter {

    // The request as received: JAX-RS's UriInfo has already dropped matrix parameters.
    @Inject
    HttpServerRequest received;

    @Override
    public void filter(ContainerRequestContext request) {
        String uri = received.uri();
        int queryStart = uri.indexOf('?');
        String rawPath = queryStart < 0 ? uri : uri.substring(0, queryStart);
        if (rawPath != null) {
            if (rawPath.indexOf(';') >= 0) {
                throw ProblemException.badRequest("path",
                        "must not contain ';' (matrix parameters are not supported; write %3B for a semicolon in an id)");
            }
            String defect = defect(rawPath, false);
            if (defect != null) {
                throw ProblemException.badRequest("path", defect);
            }
        }
        String rawQuery = queryStart < 0 ? null : uri.substring(queryStart + 1);
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String rawName = equals < 0 ? pair : pair.substring(0, equals);
                String nameDefect = defect(rawName, true);
                if (nameDefect != null) {
                    throw ProblemException.badRequest("query", "a parameter name " + nameDefect);
                }
                if (equals >= 0) {
                    String valueDefect = defect(pair.substring(equals + 1), true);
                    if (valueDefect != null) {
                        throw ProblemException.badRequest(decode(rawName, true), valueDefect);
                    }
                }
            }
        }
    }

    /** Why a raw (percent-encoded) URI part cannot be taken, or {@code null}. */
    static String defect(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0) {
            return raw.indexOf('\u0000') >= 0 ? InputTexts.defect(raw) : null;
        }
        String decoded = decode(raw, plusIsSpace);
        if (decoded == null) {
            return "must be percent-encoded UTF-8";
        }
        return InputTexts.defect(decoded);
    }

    /** Strict percent-decoding as UTF-8; {@code null} when malformed. */
    static String decode(String raw, boolean plusIsSpace) {
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.put((byte) ' ');
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

}
