package dev.rapport.gateway;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.rapport.gateway.config.GatewayConfig;
import dev.rapport.gateway.http.GatewayProblems;
import dev.rapport.gateway.http.RequestContext;
import dev.rapport.gateway.overview.CustomerOverviewHandler;
import dev.rapport.gateway.proxy.ProxyForwarder;
import dev.rapport.gateway.proxy.UpstreamEndpoint;
import dev.rapport.gateway.proxy.Upstreams;
import dev.rapport.gateway.ratelimit.RateLimitDecision;
import dev.rapport.gateway.ratelimit.RateLimits;
import dev.rapport.gateway.routing.GatewayRoute;
import dev.rapport.gateway.routing.RouteTable;
import dev.rapport.gateway.security.Authenticator;
import dev.rapport.gateway.security.Caller;
import dev.rapport.gateway.security.IdentityTokenIssuer;
import dev.rapport.gateway.security.RoutePolicy;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;

/**
 * Everything under /api, in this order: authenticate (401), rate limit (429), find the route
 * (404), authorise against {@link RoutePolicy} (403), check the declared body size (413), then
 * either compose the customer overview or stream the request to the route's upstream.
 *
 * <p>This class and the beans it calls per request are {@code @Singleton}, not
 * {@code @ApplicationScoped}: no client proxy to look the instance up on every call.
 */
@Singleton
public class ApiRequestHandler {

    private static final Pattern OVERVIEW = Pattern.compile("^/api/customers/([^/]+)/overview$");

    private final Authenticator authenticator;
    private final RateLimits rateLimits;
    private final Upstreams upstreams;
    private final ProxyForwarder forwarder;
    private final CustomerOverviewHandler overview;
    private final GatewayProblems problems;
    private final IdentityTokenIssuer identities;
    private final Map<String, Long> maxBodySizes = new HashMap<>();
    private final Map<String, Duration> timeouts = new HashMap<>();

    public ApiRequestHandler(Authenticator authenticator, RateLimits rateLimits, Upstreams upstreams,
                             ProxyForwarder forwarder, CustomerOverviewHandler overview, GatewayProblems problems,
                             IdentityTokenIssuer identities, GatewayConfig config) {
        this.identities = identities;
        this.authenticator = authenticator;
        this.rateLimits = rateLimits;
        this.upstreams = upstreams;
        this.forwarder = forwarder;
        this.overview = overview;
        this.problems = problems;
        for (String name : config.routes().keySet()) {
            if (RouteTable.ROUTES.stream().noneMatch(route -> route.name().equals(name))) {
                throw new IllegalStateException("rapport.gateway.routes." + name + " configures an unknown route");
            }
        }
        for (GatewayRoute route : RouteTable.ROUTES) {
            GatewayConfig.RouteConfig overrides = config.routes().get(route.name());
            long maxBody = config.defaultMaxBodySize().asLongValue();
            Duration timeout = upstreams.get(route.upstream()).timeout();
            if (overrides != null) {
                maxBody = overrides.maxBodySize().map(size -> size.asLongValue()).orElse(maxBody);
                timeout = overrides.timeout().orElse(timeout);
            }
            maxBodySizes.put(route.name(), maxBody);
            timeouts.put(route.name(), timeout);
        }
    }

    void register(@Observes Router router) {
        router.route(GatewayRoute.PUBLIC_PREFIX + "/*").handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        // Hold the body until we know the request may go upstream; nothing is lost meanwhile.
        ctx.request().pause();
        Context context = Vertx.currentContext();
        authenticator.authenticate(ctx).onComplete(outcome -> {
            Authenticator.Outcome result = outcome.succeeded() ? outcome.result()
                    : new Authenticator.Rejected("authentication failed", java.util.List.of());
            if (Vertx.currentContext() == context) {
                proceed(ctx, result);
            } else {
                context.runOnContext(ignored -> proceed(ctx, result));
            }
        });
    }

    private void proceed(RoutingContext ctx, Authenticator.Outcome outcome) {
        if (outcome instanceof Authenticator.Rejected rejected) {
            if (!admit(ctx, RateLimits.ANONYMOUS, "ip:" + forwarder.clientAddress(ctx.request()))) {
                return;
            }
            rejected.challenges().forEach(challenge -> ctx.response().headers().add("WWW-Authenticate", challenge));
            problems.send(ctx, GatewayProblems.problem(401, GatewayProblems.UNAUTHORIZED, "Unauthorized",
                    rejected.detail()));
            return;
        }
        Caller caller = ((Authenticator.Authenticated) outcome).caller();
        RequestContext.principal(ctx, caller.principal());
        if (!admit(ctx, caller.rateLimitClass(), caller.rateLimitKey())) {
            return;
        }
        String path = ctx.normalizedPath();
        GatewayRoute route = RouteTable.find(path).orElse(null);
        if (route == null) {
            problems.send(ctx, GatewayProblems.notFound("no API under " + path));
            return;
        }
        String method = ctx.request().method().name();
        if (!RoutePolicy.permits(caller, method, path)) {
            problems.send(ctx, GatewayProblems.problem(403, GatewayProblems.FORBIDDEN, "Forbidden",
                    method + " " + path + " " + RoutePolicy.describeRequirement(caller, method, path)));
            return;
        }
        long maxBody = maxBodySizes.get(route.name());
        String contentLength = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (contentLength != null && exceeds(contentLength, maxBody)) {
            problems.send(ctx, GatewayProblems.problem(413, GatewayProblems.PAYLOAD_TOO_LARGE, "Payload too large",
                    "the request body may be at most " + maxBody + " bytes on this route"));
            return;
        }
        if (ctx.request().method() == HttpMethod.GET && path.endsWith("/overview")) {
            Matcher overviewPath = OVERVIEW.matcher(path);
            if (overviewPath.matches()) {
                overview.handle(ctx, overviewPath.group(1), caller);
                return;
            }
        }
        UpstreamEndpoint endpoint = upstreams.get(route.upstream());
        forwarder.forward(ctx, route, endpoint, identities.authorization(caller), timeouts.get(route.name()), maxBody);
    }

    /** Takes a rate-limit token and writes the headers; answers 429 and returns false when none is left. */
    private boolean admit(RoutingContext ctx, String clientClass, String clientKey) {
        if (!rateLimits.enabled()) {
            return true;
        }
        RateLimitDecision decision = rateLimits.take(clientClass, clientKey);
        RateLimits.writeHeaders(ctx.response(), decision);
        if (!decision.allowed()) {
            problems.send(ctx, GatewayProblems.problem(429, GatewayProblems.RATE_LIMITED, "Too many requests",
                    "rate limit of the " + clientClass + " class exceeded; retry after "
                            + decision.retryAfterSeconds() + " s"));
            return false;
        }
        return true;
    }

    private static boolean exceeds(String contentLength, long max) {
        try {
            return Long.parseLong(contentLength.trim()) > max;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
