package dev.rapport.gateway.ratelimit;

import java.util.HashMap;
import java.util.Map;

import dev.rapport.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;

/** The gateway's rate limiter, built from {@code rapport.gateway.rate-limit}. */
@Singleton
public class RateLimits {

    public static final String PARTNER = "partner";
    public static final String FRONTEND = "frontend";
    public static final String ANONYMOUS = "anonymous";

    private final boolean enabled;
    private final RateLimiter limiter;
    private final Vertx vertx;
    private long evictionTimer = -1;

    public RateLimits(GatewayConfig config, Vertx vertx) {
        this.enabled = config.rateLimit().enabled();
        this.vertx = vertx;
        Map<String, RateLimiter.ClientClass> classes = new HashMap<>();
        config.rateLimit().classes().forEach((name, settings) -> classes.put(name,
                new RateLimiter.ClientClass(name, settings.requestsPerSecond(), settings.burst())));
        for (String required : new String[] { PARTNER, FRONTEND, ANONYMOUS }) {
            if (!classes.containsKey(required)) {
                throw new IllegalStateException("rapport.gateway.rate-limit.classes." + required + " is not configured");
            }
        }
        this.limiter = new RateLimiter(classes, System::nanoTime);
    }

    void start(@Observes StartupEvent event) {
        evictionTimer = vertx.setPeriodic(60_000, id -> limiter.evictIdle());
    }

    void stop(@Observes ShutdownEvent event) {
        if (evictionTimer >= 0) {
            vertx.cancelTimer(evictionTimer);
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** Takes a token for the client; an unknown class (a typo in the key file) counts as partner. */
    public RateLimitDecision take(String className, String clientKey) {
        String effective = limiter.knowsClass(className) ? className : PARTNER;
        return limiter.tryAcquire(effective, clientKey);
    }

    /** Sets RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset (and Retry-After when refused). */
    public static void writeHeaders(HttpServerResponse response, RateLimitDecision decision) {
        response.putHeader("RateLimit-Limit", Long.toString(decision.limit()));
        response.putHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
        response.putHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (!decision.allowed()) {
            response.putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
        }
    }
}
