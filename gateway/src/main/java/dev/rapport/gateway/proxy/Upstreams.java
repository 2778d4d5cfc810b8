package dev.rapport.gateway.proxy;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

import dev.rapport.gateway.config.GatewayConfig;
import dev.rapport.gateway.resilience.CircuitBreaker;
import dev.rapport.gateway.routing.Upstream;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;

/** The four upstream services, each with its own HTTP client pool and circuit breaker. */
@Singleton
public class Upstreams {

    private final Map<Upstream, UpstreamEndpoint> endpoints = new EnumMap<>(Upstream.class);

    public Upstreams(Vertx vertx, GatewayConfig config, MeterRegistry registry) {
        for (Upstream upstream : Upstream.values()) {
            GatewayConfig.UpstreamConfig settings = config.upstreams().get(upstream.id());
            if (settings == null) {
                throw new IllegalStateException("rapport.gateway.upstreams." + upstream.id() + ".url is not configured");
            }
            HttpClientOptions options = new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_1_1)
                    .setKeepAlive(true)
                    .setKeepAliveTimeout(30)
                    .setConnectTimeout((int) settings.connectTimeout().toMillis())
                    // Bodies pass through untouched: no (de)compression in the gateway.
                    .setDecompressionSupported(false)
                    .setTryUseCompression(false)
                    .setName("rapport-gateway-" + upstream.id());
            PoolOptions pool = new PoolOptions()
                    .setHttp1MaxSize(settings.maxConnections())
                    // A full pool queues requests; the connect timeout bounds the wait.
                    .setMaxWaitQueueSize(settings.maxConnections() * 4);
            GatewayConfig.CircuitBreakerConfig cb = settings.circuitBreaker();
            CircuitBreaker breaker = new CircuitBreaker(upstream.id(), new CircuitBreaker.Settings(
                    cb.windowSize(), cb.minimumCalls(), cb.failureRatio(), cb.openDuration(), cb.halfOpenCalls()));
            endpoints.put(upstream, new UpstreamEndpoint(upstream, settings.url(),
                    () -> vertx.createHttpClient(options, pool), breaker,
                    settings.connectTimeout(), settings.timeout(), settings.retries()));
            Gauge.builder("rapport.gateway.circuit.open", breaker, b -> b.state() == CircuitBreaker.State.CLOSED ? 0 : 1)
                    .tag("upstream", upstream.id())
                    .description("1 while the upstream's circuit breaker is open or half-open")
                    .register(registry);
        }
    }

    public UpstreamEndpoint get(Upstream upstream) {
        return endpoints.get(upstream);
    }

    public Collection<UpstreamEndpoint> all() {
        return endpoints.values();
    }

    void close(@Observes ShutdownEvent event) {
        endpoints.values().forEach(UpstreamEndpoint::close);
    }
}
