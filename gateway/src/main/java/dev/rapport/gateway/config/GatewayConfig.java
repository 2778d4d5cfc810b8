package dev.rapport.gateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Everything the gateway reads from configuration (prefix {@code rapport.gateway}). The
 * environment variables ops set (CUSTOMER_SERVICE_URL, API_KEYS_FILE, ...) are mapped onto these
 * properties in application.properties.
 */
@ConfigMapping(prefix = "rapport.gateway")
public interface GatewayConfig {

    /** One entry per upstream service, keyed by its id: customer, feedback, loyalty, segmentation. */
    Map<String, UpstreamConfig> upstreams();

    /** Optional per-route overrides keyed by route name (customers, feedback, complaints, ...). */
    Map<String, RouteConfig> routes();

    /** Request body limit for routes without their own {@code max-body-size}. */
    @WithName("max-body-size")
    @WithDefault("10M")
    MemorySize defaultMaxBodySize();

    /**
     * When false (the gateway is the edge), X-Forwarded-* from clients are replaced by what the
     * gateway sees; when true (behind a trusted load balancer), the client chain is extended.
     */
    @WithDefault("false")
    boolean trustForwardedHeaders();

    ApiKeys apiKeys();

    RateLimit rateLimit();

    OpenApi openapi();

    Overview overview();

    SecurityHeaders securityHeaders();

    AccessLog accessLog();

    Identity identity();

    RequestLimits limits();

    /**
     * Limits of the request head, answered by the gateway as problem+json (414, 431). Netty's own
     * limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set
     * well above these, so only a head beyond those gets Vert.x's bare answer.
     */
    interface RequestLimits {
        /** Longest request target (path and query), in characters. */
        @WithDefault("4096")
        int maxUriLength();

        /** Largest header block (names, values and separators). */
        @WithDefault("20K")
        MemorySize maxHeaderSize();
    }

    /** The token the gateway signs for each upstream request, naming the caller it authenticated. */
    interface Identity {
        /** Ed25519 private key (PEM, {@code file:} or {@code classpath:}); services hold its public half. */
        String privateKeyLocation();

        @WithDefault("rapport-gateway")
        String issuer();

        @WithDefault("rapport-services")
        String audience();

        /** Short on purpose: the token only has to reach the upstream. */
        @WithDefault("60s")
        Duration ttl();
    }

    interface AccessLog {
        /** One line per request (method, path, status, duration, request id, client). */
        @WithDefault("true")
        boolean enabled();

        /** Lines are queued and written in one batch this often (at most this much is lost in a crash). */
        @WithDefault("250ms")
        java.time.Duration flushInterval();
    }

    interface UpstreamConfig {
        /** Base URL, e.g. http://customer-service:8081 (a path is not allowed: routes keep theirs). */
        URI url();

        /** Time to get a connection; small so a down service answers 503 quickly. */
        @WithDefault("1s")
        Duration connectTimeout();

        /** Longest silence from the upstream (until the response starts, and between body chunks). */
        @WithDefault("30s")
        Duration timeout();

        /** Connection pool size towards this upstream, per event loop; one pool per upstream isolates failures. */
        @WithDefault("64")
        int maxConnections();

        /** Extra attempts for idempotent requests whose previous attempt never reached the upstream. */
        @WithDefault("1")
        int retries();

        CircuitBreakerConfig circuitBreaker();
    }

    interface CircuitBreakerConfig {
        /** Number of most recent calls the failure ratio is computed over. */
        @WithDefault("20")
        int windowSize();

        /** No opening before this many calls are in the window. */
        @WithDefault("10")
        int minimumCalls();

        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before letting trial calls through. */
        @WithDefault("10s")
        Duration openDuration();

        /** Successful trial calls needed to close again. */
        @WithDefault("1")
        int halfOpenCalls();
    }

    interface RouteConfig {
        Optional<Duration> timeout();

        Optional<MemorySize> maxBodySize();
    }

    interface ApiKeys {
        /** JSON key file (hashes only), re-read when it changes; written by tools/DevKeys.java. */
        @WithDefault(".rapport/gateway/api-keys.json")
        Path file();

        @WithDefault("1s")
        Duration reloadInterval();

        /** Keys fixed in configuration (e.g. from a secret), beside the file. */
        @WithName("static")
        Map<String, StaticKey> staticKeys();
    }

    interface StaticKey {
        /** Hex SHA-256 of the key. */
        String sha256();

        List<String> scopes();

        @WithDefault("partner")
        String rateLimitClass();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Token bucket per client class: partner, frontend, anonymous, internal. */
        Map<String, ClientClass> classes();
    }

    interface ClientClass {
        /** Sustained rate (bucket refill). */
        double requestsPerSecond();

        /** Bucket capacity: how many requests may come at once. */
        int burst();
    }

    interface OpenApi {
        @WithDefault("30s")
        Duration refreshInterval();

        @WithDefault("5s")
        Duration fetchTimeout();
    }

    interface Overview {
        /** Per-part budget; a part slower than this is reported unavailable. */
        @WithDefault("2s")
        Duration partTimeout();
    }

    interface SecurityHeaders {
        /** Strict-Transport-Security value; "off" leaves the header out. */
        @WithDefault("max-age=31536000; includeSubDomains")
        String strictTransportSecurity();

        /** Content-Security-Policy for everything except Swagger UI (which needs inline scripts). */
        @WithDefault("default-src 'none'; frame-ancestors 'none'; base-uri 'none'")
        String contentSecurityPolicy();
    }
}
