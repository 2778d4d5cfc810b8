package dev.rapport.gateway.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.rapport.gateway.config.GatewayConfig;
import dev.rapport.http.ProblemDetail;
import dev.rapport.http.ProblemTypes;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * Requests refused on their head alone, before routing: a request target that is too long (414), a
 * header block that is too large (431), a target that is not a valid URI or has broken
 * percent-encoding (400), an {@code Origin} that CORS does not allow (403). Left to Vert.x and
 * Quarkus these got an empty body without the request id; decided here, they are problem+json like
 * every other answer of the gateway. The CORS decision mirrors Quarkus's filter (configured origins,
 * {@code *}, {@code /regex/}, same origin), which still runs afterwards for the allowed ones.
 */
@Singleton
public class EarlyRefusals {

    public static final String URI_TOO_LONG = ProblemTypes.of("uri-too-long");
    public static final String HEADERS_TOO_LARGE = ProblemTypes.of("headers-too-large");
    public static final String MALFORMED_URI = ProblemTypes.of("malformed-uri");
    public static final String ORIGIN_NOT_ALLOWED = ProblemTypes.of("origin-not-allowed");

    private final int maxUriLength;
    private final long maxHeaderBytes;
    private final boolean corsEnabled;
    private final List<String> origins;
    private final List<Pattern> originPatterns;

    public EarlyRefusals(GatewayConfig config,
                         @ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean corsEnabled,
                         @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        this.maxUriLength = config.limits().maxUriLength();
        this.maxHeaderBytes = config.limits().maxHeaderSize().asLongValue();
        this.corsEnabled = corsEnabled;
        this.origins = origins.orElse(List.of()).stream().map(String::trim).toList();
        this.originPatterns = this.origins.stream()
                .filter(origin -> origin.length() > 2 && origin.startsWith("/") && origin.endsWith("/"))
                .map(origin -> Pattern.compile(origin.substring(1, origin.length() - 1)))
                .toList();
    }

    /** The problem to answer instead of handling the request, or {@code null} when it may go on. */
    public ProblemDetail check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String uri = request.uri();
        if (uri.length() > maxUriLength) {
            return problem(414, URI_TOO_LONG, "URI too long",
                    "the request target may be at most " + maxUriLength + " characters; send long input in a body");
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > maxHeaderBytes) {
            return problem(431, HEADERS_TOO_LARGE, "Request header fields too large",
                    "the request headers may be at most " + maxHeaderBytes + " bytes together");
        }
        if (!wellFormed(uri)) {
            return problem(400, MALFORMED_URI, "Malformed request URI",
                    "the request target is not a valid URI: every '%' must start a %XX escape of two hex digits");
        }
        String origin = request.getHeader("Origin");
        if (corsEnabled && origin != null && !originAllowed(origin, request)) {
            return problem(403, ORIGIN_NOT_ALLOWED, "Origin not allowed",
                    "cross-origin requests from this origin are not allowed");
        }
        return null;
    }

    private static ProblemDetail problem(int status, String type, String title, String detail) {
        // The instance is "/" and not the request path: it is too long or not a valid URI reference.
        return ProblemDetail.of(status, type, title, detail).withInstance("/");
    }

    /** What Quarkus's router and java.net.URI accept: characters of a URI, escapes of two hex digits. */
    static boolean wellFormed(String uri) {
        if (uri.isEmpty() || uri.charAt(0) != '/') {
            return false;
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '%') {
                if (i + 2 >= uri.length() || Character.digit(uri.charAt(i + 1), 16) < 0
                        || Character.digit(uri.charAt(i + 2), 16) < 0) {
                    return false;
                }
                i += 2;
            } else if (c <= ' ' || c >= 0x7f || "\"<>\\^`{|}#".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private boolean originAllowed(String origin, HttpServerRequest request) {
        if (origins.contains("*") || origins.contains(origin)) {
            return true;
        }
        for (Pattern pattern : originPatterns) {
            if (pattern.matcher(origin).matches()) {
                return true;
            }
        }
        String host = request.getHeader("Host");
        return host != null && origin.equalsIgnoreCase(request.scheme() + "://" + host);
    }
}
