package dev.rapport.gateway.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import dev.rapport.gateway.config.GatewayConfig;
import dev.rapport.gateway.proxy.ProxyForwarder;
import dev.rapport.gateway.ratelimit.RateLimitDecision;
import dev.rapport.gateway.ratelimit.RateLimits;
import dev.rapport.http.ProblemDetail;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * Runs first on every request the gateway answers (API, health, OpenAPI, Swagger UI):
 * accepts or creates the X-Request-Id, puts it in the logging MDC, echoes it, adds the security
 * headers when the response head is written, and queues one access-log line at the end
 * ({@link AccessLog} writes them in batches).
 */
@Singleton
public class EdgeFilter {

    static final String MDC_REQUEST_ID = "requestId";
    /** A client-supplied id is kept only if it is short and safe to put into logs and headers. */
    private static final Pattern ACCEPTABLE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    /** Lines waiting for the next batch write, at most; beyond that they are counted and dropped. */
    private static final int ACCESS_LOG_CAPACITY = 100_000;

    private final AccessLog accessLog;
    private final String hsts;
    private final String contentSecurityPolicy;
    private final EarlyRefusals refusals;
    private final GatewayProblems problems;
    private final RateLimits rateLimits;
    private final ProxyForwarder forwarder;

    public EdgeFilter(GatewayConfig config, Vertx vertx, EarlyRefusals refusals, GatewayProblems problems,
                      RateLimits rateLimits, ProxyForwarder forwarder) {
        this.refusals = refusals;
        this.problems = problems;
        this.rateLimits = rateLimits;
        this.forwarder = forwarder;
        if (config.accessLog().enabled()) {
            AccessLog log = AccessLog.toLogger(ACCESS_LOG_CAPACITY);
            vertx.setPeriodic(config.accessLog().flushInterval().toMillis(),
                    timer -> vertx.executeBlocking(() -> {
                        log.flush();
                        return null;
                    }, false));
            this.accessLog = log;
        } else {
            this.accessLog = null;
        }
        String configuredHsts = config.securityHeaders().strictTransportSecurity().trim();
        this.hsts = configuredHsts.equalsIgnoreCase("off") ? null : configuredHsts;
        this.contentSecurityPolicy = config.securityHeaders().contentSecurityPolicy();
    }

    void register(@Observes Filters filters) {
        // Highest priority: before CORS answers a preflight, so those get the headers too.
        filters.register(this::handle, Integer.MAX_VALUE);
    }

    void handle(RoutingContext ctx) {
        long startedAt = System.nanoTime();
        String requestId = ctx.request().getHeader(RequestContext.REQUEST_ID_HEADER);
        if (requestId == null || !ACCEPTABLE_REQUEST_ID.matcher(requestId).matches()) {
            requestId = newRequestId();
        }
        ctx.put(RequestContext.REQUEST_ID, requestId);
        MDC.put(MDC_REQUEST_ID, requestId);
        String id = requestId;
        // The raw path: normalising a malformed one throws, and it is refused below.
        String path = ctx.request().path() == null ? "" : ctx.request().path();
        boolean swaggerUi = path.startsWith("/q/swagger-ui");
        HttpServerResponse response = ctx.response();
        ctx.addHeadersEndHandler(ignored -> {
            MultiMap headers = response.headers();
            headers.set(RequestContext.REQUEST_ID_HEADER, id);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            if (hsts != null) {
                headers.set("Strict-Transport-Security", hsts);
            }
            if (!swaggerUi) {
                headers.set("Content-Security-Policy", contentSecurityPolicy);
            }
        });
        if (accessLog != null && !path.startsWith("/q/health") && !path.startsWith("/q/metrics")) {
            ctx.addEndHandler(ended -> logAccess(ctx, id, startedAt, ended.succeeded()));
        }
        ProblemDetail refusal = refusals.check(ctx);
        if (refusal != null) {
            refuse(ctx, refusal);
            return;
        }
        ctx.next();
    }

    /** Refused before routing: still counted against the client's address, like an anonymous call. */
    private void refuse(RoutingContext ctx, ProblemDetail refusal) {
        ProblemDetail answer = refusal;
        if (rateLimits.enabled()) {
            RateLimitDecision decision = rateLimits.take(RateLimits.ANONYMOUS, "ip:" + forwarder.clientAddress(ctx.request()));
            RateLimits.writeHeaders(ctx.response(), decision);
            if (!decision.allowed()) {
                answer = GatewayProblems.problem(429, GatewayProblems.RATE_LIMITED, "Too many requests",
                        "rate limit of the anonymous class exceeded; retry after " + decision.retryAfterSeconds() + " s")
                        .withInstance("/");
            }
        }
        problems.send(ctx, answer);
    }

    private void logAccess(RoutingContext ctx, String requestId, long startedAt, boolean completed) {
        long micros = (System.nanoTime() - startedAt) / 1_000;
        Object principal = ctx.get(RequestContext.PRINCIPAL);
        Object upstream = ctx.get(RequestContext.UPSTREAM);
        // Built by hand: a format string per request costs more than the proxying around it.
        StringBuilder line = new StringBuilder(160).append(ctx.request().method().name()).append(' ');
        AccessLog.appendTarget(line, ctx.request().uri());
        line.append(' ')
                .append(ctx.response().getStatusCode()).append(' ')
                .append(micros / 1000).append('.').append(micros % 1000 / 100).append(micros % 100 / 10).append(micros % 10)
                .append("ms client=").append(principal == null ? "-" : principal)
                .append(" upstream=").append(upstream == null ? "-" : upstream);
        if (!completed) {
            line.append(" (connection closed before the response ended)");
        }
        accessLog.add(System.currentTimeMillis(), requestId, line);
    }

    void flushAccessLog(@Observes ShutdownEvent event) {
        if (accessLog != null) {
            accessLog.flush();
        }
    }

    /** A random (version 4) UUID without SecureRandom: request ids must be unique, not secret. */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}
