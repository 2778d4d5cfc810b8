package dev.rapport.gateway.proxy;

import java.net.ConnectException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.rapport.gateway.config.GatewayConfig;
import dev.rapport.gateway.http.GatewayProblems;
import dev.rapport.gateway.http.RequestContext;
import dev.rapport.gateway.resilience.CircuitBreaker;
import dev.rapport.gateway.routing.GatewayRoute;
import dev.rapport.gateway.routing.RouteTable;
import dev.rapport.gateway.security.Authenticator;
import dev.rapport.http.ProblemDetail;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Streams one request to its upstream on Vert.x's HTTP client: the request body is piped to the
 * upstream and the upstream's response body back to the client, with back-pressure both ways
 * (only a response of known length up to 64 KiB is collected first, so that head and body leave
 * in one write, as nginx's proxy buffering does). Around that it does what a front door needs: header hygiene and X-Forwarded-*,
 * the upstream's circuit breaker, timeouts, a retry for idempotent requests that never reached the
 * upstream, and problem+json answers (502/503/504/413) when the exchange fails before the
 * response started.
 *
 * <p>Written on the core client rather than vertx-http-proxy: that library copies every header
 * into its own request and response objects and parses and re-formats Date/Warning headers for
 * HTTP caching, which the gateway does not do; on the 2-core benchmark machine that was a large
 * part of the gateway's CPU per request (bench/RESULTS.md).
 */
@Singleton
public class ProxyForwarder {


    private static final Logger LOG = Logger.getLogger(ProxyForwarder.class);

    /** Hop-by-hop headers (RFC 9110 7.6.1) plus those that only make sense between client and gateway. */
    private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE);
    private static final long RETRY_BACKOFF_MILLIS = 25;

    private final Vertx vertx;
    private final GatewayProblems problems;
    private final boolean trustForwardedHeaders;
    private final MeterRegistry registry;
    private final Map<String, Map<String, Timer>> timers = new ConcurrentHashMap<>();

    public ProxyForwarder(Vertx vertx, GatewayProblems problems, GatewayConfig config, MeterRegistry registry) {
        this.vertx = vertx;
        this.problems = problems;
        this.trustForwardedHeaders = config.trustForwardedHeaders();
        this.registry = registry;
    }

    /**
     * Forwards the (paused) request. {@code maxBodySize} applies to chunked bodies while they
     * stream; a declared Content-Length was checked before.
     */
    public void forward(RoutingContext ctx, GatewayRoute route, UpstreamEndpoint endpoint, String authorization,
                        Duration timeout, long maxBodySize) {
        HttpServerRequest request = ctx.request();
        String query = request.query();
        String uri = route.upstreamPath(ctx.normalizedPath()) + (query == null ? "" : "?" + query);
        MultiMap headers = upstreamHeaders(ctx, authorization);

        HttpMethod method = request.method();
        boolean bodyless = !hasBody(request);
        // Without a body the request can be sent again as is, so GET/HEAD may retry after the upstream
        // dropped the connection before answering; other methods retry only before anything was sent.
        boolean resendable = bodyless && (method == HttpMethod.GET || method == HttpMethod.HEAD);
        ReadStream<Buffer> body = null;
        BodyLimitedStream limited = null;
        if (bodyless) {
            request.resume();
        } else if (request.getHeader(HttpHeaders.CONTENT_LENGTH) != null) {
            headers.set(HttpHeaders.CONTENT_LENGTH, request.getHeader(HttpHeaders.CONTENT_LENGTH));
            body = request;
        } else {
            limited = new BodyLimitedStream(request, maxBodySize);
            body = limited;
        }
        RequestContext.upstream(ctx, endpoint.id());
        new Exchange(ctx, endpoint, headers, body, uri, timeout, IDEMPOTENT.contains(method), resendable, limited)
                .attempt(1);
    }

    /** One forwarded request and its attempts. Runs on the request's event loop. */
    private final class Exchange {
        private final RoutingContext ctx;
        private final UpstreamEndpoint endpoint;
        private final CircuitBreaker breaker;
        private final MultiMap headers;
        private final ReadStream<Buffer> body;
        private final String uri;
        private final Duration timeout;
        private final boolean retryBeforeSending;
        private final boolean retryAfterSending;
        private final BodyLimitedStream limited;

        Exchange(RoutingContext ctx, UpstreamEndpoint endpoint, MultiMap headers, ReadStream<Buffer> body, String uri,
                 Duration timeout, boolean retryBeforeSending, boolean retryAfterSending, BodyLimitedStream limited) {
            this.ctx = ctx;
            this.endpoint = endpoint;
            this.breaker = endpoint.breaker();
            this.headers = headers;
            this.body = body;
            this.uri = uri;
            this.timeout = timeout;
            this.retryBeforeSending = retryBeforeSending;
            this.retryAfterSending = retryAfterSending;
            this.limited = limited;
        }

        void attempt(int attempt) {
            if (!breaker.tryAcquire()) {
                record("circuit-open", 0);
                fail(GatewayProblems.problem(503, GatewayProblems.UPSTREAM_UNAVAILABLE, "Service unavailable",
                                endpoint.upstream().serviceName() + " is unavailable (circuit open)")
                        .withExtension("upstream", endpoint.id()), breaker.secondsUntilRetry());
                return;
            }
            long startedAt = System.nanoTime();
            endpoint.client().request(endpoint.requestOptions(ctx.request().method(), uri, timeout).setHeaders(headers))
                    .onComplete(connected -> {
                        if (connected.failed()) {
                            onConnectFailure(attempt, connected.cause(), startedAt);
                        } else {
                            send(attempt, connected.result(), startedAt);
                        }
                    });
        }

        private void onConnectFailure(int attempt, Throwable cause, long startedAt) {
            breaker.onFailure();
            record("connect-failure", startedAt);
            if (clientGone()) {
                return;
            }
            if (retryBeforeSending && attempt <= endpoint.retries()) {
                LOG.debugf("no connection to %s (%s), attempt %d", endpoint.id(), cause, attempt);
                vertx.setTimer(RETRY_BACKOFF_MILLIS * attempt, timer -> attempt(attempt + 1));
                return;
            }
            LOG.warnf("%s unreachable: %s", endpoint.id(), describe(cause));
            fail(GatewayProblems.problem(503, GatewayProblems.UPSTREAM_UNAVAILABLE, "Service unavailable",
                    endpoint.upstream().serviceName() + " is unavailable").withExtension("upstream", endpoint.id()), 0);
        }

        private void send(int attempt, HttpClientRequest upstreamRequest, long startedAt) {
            // Failures also arrive through the response future below; this only keeps Vert.x from
            // logging a reset we caused ourselves (body too large, client gone) as an error.
            upstreamRequest.exceptionHandler(error -> LOG.debugf("%s request ended early: %s", endpoint.id(), error));
            Future<HttpClientResponse> sent;
            if (body == null) {
                sent = upstreamRequest.send();
            } else {
                if (limited != null) {
                    upstreamRequest.setChunked(true);
                }
                sent = upstreamRequest.response();
                // Not send(body): its pipe ends the upstream request cleanly when the body fails, so
                // a body cut off at the size limit (or a client gone mid-upload) would reach the
                // upstream as a complete, shorter request. A reset makes the upstream drop it.
                body.pipe().endOnFailure(false).to(upstreamRequest)
                        .onFailure(error -> upstreamRequest.reset(0, error));
            }
            sent.onComplete(outcome -> {
                if (outcome.succeeded()) {
                    respond(outcome.result(), startedAt);
                    return;
                }
                Throwable cause = outcome.cause();
                if (limited != null && limited.exceeded()) {
                    breaker.onIgnored();
                    record("payload-too-large", startedAt);
                    upstreamRequest.reset();
                    fail(GatewayProblems.problem(413, GatewayProblems.PAYLOAD_TOO_LARGE, "Payload too large",
                            "the request body is larger than this route accepts"), 0);
                    return;
                }
                if (clientGone()) {
                    breaker.onIgnored();
                    record("client-gone", startedAt);
                    upstreamRequest.reset();
                    return;
                }
                breaker.onFailure();
                boolean timedOut = cause instanceof TimeoutException;
                record(timedOut ? "timeout" : "failure", startedAt);
                if (!timedOut && retryAfterSending && attempt <= endpoint.retries()) {
                    LOG.debugf("%s dropped the request (%s), attempt %d", endpoint.id(), cause, attempt);
                    vertx.setTimer(RETRY_BACKOFF_MILLIS * attempt, timer -> attempt(attempt + 1));
                    return;
                }
                if (timedOut) {
                    LOG.warnf("%s did not answer %s within %d ms", endpoint.id(), uri, timeout.toMillis());
                    fail(GatewayProblems.problem(504, GatewayProblems.UPSTREAM_TIMEOUT, "Upstream timeout",
                                    endpoint.upstream().serviceName() + " did not answer in time")
                            .withExtension("upstream", endpoint.id()), 0);
                } else {
                    LOG.warnf("%s failed on %s: %s", endpoint.id(), uri, describe(cause));
                    fail(GatewayProblems.problem(502, GatewayProblems.BAD_GATEWAY, "Bad gateway",
                                    endpoint.upstream().serviceName() + " closed the connection without an answer")
                            .withExtension("upstream", endpoint.id()), 0);
                }
            });
        }

        private void respond(HttpClientResponse upstreamResponse, long startedAt) {
            int status = upstreamResponse.statusCode();
            // 502/503/504 from the upstream mean it (or its dependencies) cannot serve: count them.
            if (status == 502 || status == 503 || status == 504) {
                breaker.onFailure();
            } else {
                breaker.onSuccess();
            }
            record(Integer.toString(status), startedAt);
            HttpServerResponse response = ctx.response();
            if (response.closed()) {
                upstreamResponse.request().reset();
                return;
            }
            response.setStatusCode(status);
            MultiMap out = response.headers();
            MultiMap in = upstreamResponse.headers();
            Set<String> named = connectionTokens(in);
            for (Map.Entry<String, String> header : in) {
                String name = header.getKey();
                if (!isHopByHop(name) && (named == null || !named.contains(name.toLowerCase(Locale.ROOT)))) {
                    out.add(name, header.getValue());
                }
            }
            rewriteLocation(ctx, endpoint, out, "Location");
            rewriteLocation(ctx, endpoint, out, "Content-Location");

            boolean noBody = ctx.request().method() == HttpMethod.HEAD || status == 204 || status == 304
                    || (status >= 100 && status < 200);
            if (noBody) {
                upstreamResponse.end().onComplete(ignored -> response.end());
                return;
            }
            String contentLength = in.get(HttpHeaders.CONTENT_LENGTH);
            // Collected and written with the head in one go: a small body of known length (most API
            // answers; one write instead of head+body and then the end), and any body of unknown
            // length for an HTTP/1.0 client, which cannot read chunks.
            boolean http10 = ctx.request().version() == HttpVersion.HTTP_1_0;
            if (contentLength != null ? isSmall(contentLength) : http10) {
                upstreamResponse.body().onComplete(whole -> {
                    if (whole.succeeded()) {
                        response.end(whole.result());
                    } else {
                        response.reset();
                    }
                });
                return;
            }
            if (contentLength == null) {
                response.setChunked(true);
            }
            upstreamResponse.pipe().endOnFailure(false).to(response).onFailure(error -> {
                LOG.debugf("streaming the %s response to the client failed: %s", endpoint.id(), error);
                // A truncated body must not look complete: drop the client connection (and the upstream one).
                response.reset();
                upstreamResponse.request().reset();
            });
        }

        private void fail(ProblemDetail problem, long retryAfterSeconds) {
            if (retryAfterSeconds > 0 && !ctx.response().headWritten()) {
                ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
            }
            problems.send(ctx, problem);
        }

        private boolean clientGone() {
            return ctx.response().closed();
        }

        private void record(String outcome, long startedAt) {
            Map<String, Timer> byOutcome = timers.computeIfAbsent(endpoint.id(), key -> new ConcurrentHashMap<>());
            Timer timer = byOutcome.get(outcome);
            if (timer == null) {
                timer = byOutcome.computeIfAbsent(outcome, key -> Timer
                    .builder("rapport.gateway.upstream.requests")
                    .description("Forwarded requests by upstream and outcome (status code or failure), until the response head")
                    .tag("upstream", endpoint.id())
                    .tag("outcome", outcome)
                    .register(registry));
            }
            timer.record(startedAt == 0 ? 0 : System.nanoTime() - startedAt, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The headers the upstream gets, built in one pass over the client's: without hop-by-hop
     * headers, the partner's API key, and anything under our own X-Rapport- prefix; with the
     * gateway's identity token for the caller (in place of the caller's own credentials), the request
     * id and X-Forwarded-*.
     */
    private MultiMap upstreamHeaders(RoutingContext ctx, String authorization) {
        HttpServerRequest request = ctx.request();
        MultiMap in = request.headers();
        MultiMap headers = HttpHeaders.headers();
        Set<String> named = connectionTokens(in);
        for (Map.Entry<String, String> header : in) {
            String name = header.getKey();
            if (isHopByHop(name)
                    // The key is the partner's secret: upstreams must not see or log it.
                    || name.equalsIgnoreCase(Authenticator.API_KEY_HEADER)
                    // Only the gateway speaks for the caller: drop anything a client sent under our names.
                    || name.regionMatches(true, 0, "x-rapport-", 0, 10)
                    || name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH.toString())
                    // The upstream sees its own authority (as in its Location headers, which are
                    // rewritten below); the client's Host travels as X-Forwarded-Host.
                    || name.equalsIgnoreCase(HttpHeaders.HOST.toString())
                    || (named != null && named.contains(name.toLowerCase(Locale.ROOT)))) {
                continue;
            }
            headers.add(name, header.getValue());
        }
        headers.set(HttpHeaders.AUTHORIZATION, authorization);
        headers.set(RequestContext.REQUEST_ID_HEADER, RequestContext.requestId(ctx));

        String clientAddress = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String host = request.getHeader(HttpHeaders.HOST);
        String forwardedFor = headers.get("X-Forwarded-For");
        if (trustForwardedHeaders) {
            headers.set("X-Forwarded-For", forwardedFor == null ? clientAddress : forwardedFor + ", " + clientAddress);
            if (headers.get("X-Forwarded-Proto") == null) {
                headers.set("X-Forwarded-Proto", request.scheme());
            }
            if (headers.get("X-Forwarded-Host") == null && host != null) {
                headers.set("X-Forwarded-Host", host);
            }
        } else {
            headers.set("X-Forwarded-For", clientAddress);
            headers.set("X-Forwarded-Proto", request.scheme());
            if (host != null) {
                headers.set("X-Forwarded-Host", host);
            } else {
                headers.remove("X-Forwarded-Host");
            }
        }
        headers.set("X-Forwarded-Prefix", GatewayRoute.PUBLIC_PREFIX);
        return headers;
    }

    /** Responses up to this size are collected before they are written (see respond). */
    private static final long SMALL_BODY_BYTES = 64 * 1024;

    private static boolean isSmall(String contentLength) {
        try {
            long length = Long.parseLong(contentLength.trim());
            return length >= 0 && length <= SMALL_BODY_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isHopByHop(String name) {
        for (int i = 0; i < HOP_BY_HOP.size(); i++) {
            if (HOP_BY_HOP.get(i).equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** Header names the Connection header lists (also hop-by-hop), lower case; null when there are none. */
    private static Set<String> connectionTokens(MultiMap headers) {
        List<String> connection = headers.getAll(HttpHeaders.CONNECTION);
        if (connection.isEmpty()) {
            return null;
        }
        Set<String> names = new HashSet<>();
        for (String value : connection) {
            for (String token : value.split(",")) {
                String name = token.trim();
                if (!name.isEmpty()) {
                    names.add(name.toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    /**
     * Points a Location the upstream built from its own address (http://customer-service:8081/customers/42,
     * or /customers/42) at the gateway (http://gateway-host/api/customers/42). Other URLs stay as they are.
     */
    private void rewriteLocation(RoutingContext ctx, UpstreamEndpoint endpoint, MultiMap headers, String name) {
        String location = headers.get(name);
        if (location == null) {
            return;
        }
        String path = null;
        if (location.startsWith("/") && !location.startsWith("//")) {
            path = location;
        } else {
            for (String origin : endpoint.origins()) {
                if (location.startsWith(origin + "/")) {
                    path = location.substring(origin.length());
                    break;
                }
            }
        }
        if (path == null || RouteTable.forUpstreamPath(endpoint.upstream(), path.split("[?#]", 2)[0]).isEmpty()) {
            return;
        }
        String publicPath = GatewayRoute.PUBLIC_PREFIX + path;
        if (location.startsWith("/")) {
            headers.set(name, publicPath);
            return;
        }
        HttpServerRequest request = ctx.request();
        String scheme = request.scheme();
        String host = request.getHeader(HttpHeaders.HOST);
        if (trustForwardedHeaders) {
            scheme = firstValue(request.getHeader("X-Forwarded-Proto"), scheme);
            host = firstValue(request.getHeader("X-Forwarded-Host"), host);
        }
        headers.set(name, host == null ? publicPath : scheme + "://" + host + publicPath);
    }

    private static String firstValue(String header, String fallback) {
        if (header == null || header.isBlank()) {
            return fallback;
        }
        return header.split(",", 2)[0].trim();
    }

    /**
     * The address a rate limit for unauthenticated calls is keyed on: the peer, or with
     * trusted forwarded headers the first address of X-Forwarded-For (the original client).
     */
    public String clientAddress(HttpServerRequest request) {
        if (trustForwardedHeaders) {
            String forwardedFor = request.getHeader("X-Forwarded-For");
            if (forwardedFor != null && !forwardedFor.isBlank()) {
                return forwardedFor.split(",", 2)[0].trim();
            }
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /** True when the request declares a body (Content-Length above 0, or chunked). */
    public static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private static String describe(Throwable cause) {
        if (cause instanceof ConnectException) {
            return "connection refused or timed out (" + cause.getMessage() + ")";
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
