package dev.rapport.gateway.proxy;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.rapport.gateway.resilience.CircuitBreaker;
import dev.rapport.gateway.routing.Upstream;
import io.vertx.core.Context;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * One upstream service as the gateway talks to it: its own connection pool (so a slow or dead
 * service cannot take connections from the others), its circuit breaker and its timeouts.
 */
public final class UpstreamEndpoint {

    private final Upstream upstream;
    private final URI url;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final Supplier<HttpClient> clientFactory;
    private final HttpClient sharedClient;
    private final Map<Thread, HttpClient> eventLoopClients = new ConcurrentHashMap<>();
    private final CircuitBreaker breaker;
    private final Duration connectTimeout;
    private final Duration timeout;
    private final int retries;

    UpstreamEndpoint(Upstream upstream, URI url, Supplier<HttpClient> clientFactory, CircuitBreaker breaker,
                     Duration connectTimeout, Duration timeout, int retries) {
        this.upstream = Objects.requireNonNull(upstream);
        this.url = Objects.requireNonNull(url);
        String scheme = url.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || url.getHost() == null) {
            throw new IllegalArgumentException(upstream.id() + " upstream URL must be http(s)://host[:port]: " + url);
        }
        if (url.getPath() != null && !url.getPath().isEmpty() && !url.getPath().equals("/")) {
            throw new IllegalArgumentException(upstream.id() + " upstream URL must not have a path: " + url);
        }
        this.ssl = "https".equals(scheme);
        this.host = url.getHost();
        this.port = url.getPort() > 0 ? url.getPort() : (ssl ? 443 : 80);
        this.clientFactory = clientFactory;
        this.sharedClient = clientFactory.get();
        this.breaker = breaker;
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
        this.retries = Math.max(0, retries);
    }

    public Upstream upstream() {
        return upstream;
    }

    public String id() {
        return upstream.id();
    }

    public URI url() {
        return url;
    }

    /**
     * How the upstream sees its own base URL (scheme://host:port, and without the port when it is
     * the scheme's default), i.e. what absolute URLs in its Location headers start with.
     */
    public java.util.List<String> origins() {
        String base = (ssl ? "https" : "http") + "://" + host;
        boolean defaultPort = ssl ? port == 443 : port == 80;
        return defaultPort ? java.util.List.of(base + ":" + port, base) : java.util.List.of(base + ":" + port);
    }

    /**
     * The HTTP client of the calling event loop. Each event loop has its own client and so its own
     * keep-alive connections, created on that loop: a request and its upstream connection then run
     * on one thread, with no hand-over between loops (the way nginx workers keep their own
     * upstream connections). Other threads share one client.
     */
    public HttpClient client() {
        if (!Context.isOnEventLoopThread()) {
            return sharedClient;
        }
        Thread thread = Thread.currentThread();
        HttpClient client = eventLoopClients.get(thread);
        return client != null ? client : eventLoopClients.computeIfAbsent(thread, ignored -> clientFactory.get());
    }

    void close() {
        sharedClient.close();
        eventLoopClients.values().forEach(HttpClient::close);
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    public Duration timeout() {
        return timeout;
    }

    public int retries() {
        return retries;
    }

    /** Options for one request: connect timeout from the upstream, idle timeout as given. */
    public RequestOptions requestOptions(HttpMethod method, String uri, Duration idleTimeout) {
        return new RequestOptions()
                .setMethod(method)
                .setHost(host)
                .setPort(port)
                .setSsl(ssl)
                .setURI(uri)
                .setConnectTimeout(connectTimeout.toMillis())
                .setIdleTimeout(idleTimeout.toMillis());
    }
}
