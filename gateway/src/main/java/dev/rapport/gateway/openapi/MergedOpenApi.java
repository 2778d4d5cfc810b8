package dev.rapport.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.rapport.gateway.config.GatewayConfig;
import dev.rapport.gateway.proxy.UpstreamEndpoint;
import dev.rapport.gateway.proxy.Upstreams;
import dev.rapport.gateway.routing.Upstream;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Serves {@code GET /q/openapi}: the merged document of every upstream's {@code /q/openapi}
 * (YAML, or JSON with {@code ?format=json} or {@code Accept: application/json}). Upstream
 * documents are fetched at start, every {@code rapport.gateway.openapi.refresh-interval}, and on a
 * read while some service has never answered; a service that does not answer keeps its last known
 * document, so its paths stay visible.
 */
@ApplicationScoped
public class MergedOpenApi {

    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
    /** While a service has never answered, a read of the document may trigger a fetch this often. */
    private static final long EAGER_REFRESH_NANOS = Duration.ofSeconds(2).toNanos();
    /**
     * How long such a read waits for that fetch: long enough for a service that has just come up
     * (the first read after {@code ./rapport up} then shows its paths), short enough that a host
     * that swallows connections does not hold the read for the whole fetch timeout.
     */
    private static final long EAGER_REFRESH_WAIT_MILLIS = 1_000;

    private final Vertx vertx;
    private final Upstreams upstreams;
    private final ObjectMapper json;
    private final YAMLMapper yaml;
    private final OpenApiMerger merger;
    private final GatewayConfig.OpenApi config;
    private final String version;

    private final Map<Upstream, JsonNode> documents = new EnumMap<>(Upstream.class);
    private final Map<Upstream, Boolean> reachable = new EnumMap<>(Upstream.class);
    private final Map<Upstream, Instant> fetchedAt = new EnumMap<>(Upstream.class);
    private final AtomicLong lastRefreshStarted = new AtomicLong(System.nanoTime() - EAGER_REFRESH_NANOS);
    private volatile Rendered rendered;
    private long timer = -1;

    private record Rendered(byte[] json, byte[] yaml) {
    }

    public MergedOpenApi(Vertx vertx, Upstreams upstreams, ObjectMapper mapper, GatewayConfig config,
                         @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.vertx = vertx;
        this.upstreams = upstreams;
        this.json = mapper;
        this.yaml = new YAMLMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
        this.config = config.openapi();
        this.version = version;
        this.merger = new OpenApiMerger(loadGatewayDocument(mapper));
        render();
    }

    void start(@Observes StartupEvent event) {
        refresh();
        timer = vertx.setPeriodic(config.refreshInterval().toMillis(), id -> refresh());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    void register(@Observes Router router) {
        router.route(HttpMethod.GET, "/q/openapi").handler(this::serve);
        router.route(HttpMethod.GET, "/q/openapi.json").handler(ctx -> send(ctx, true));
        router.route(HttpMethod.GET, "/q/openapi.yaml").handler(ctx -> send(ctx, false));
    }

    private void serve(RoutingContext ctx) {
        String format = ctx.request().getParam("format");
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        boolean asJson = format != null ? format.equalsIgnoreCase("json")
                : accept != null && accept.contains("application/json");
        send(ctx, asJson);
    }

    private void send(RoutingContext ctx, boolean asJson) {
        Future<Void> eager = refreshIfSomeServiceIsMissing();
        if (eager == null) {
            respond(ctx, asJson);
            return;
        }
        Future.any(eager, timer(EAGER_REFRESH_WAIT_MILLIS)).onComplete(ignored -> respond(ctx, asJson));
    }

    private Future<Void> timer(long millis) {
        io.vertx.core.Promise<Void> elapsed = io.vertx.core.Promise.promise();
        vertx.setTimer(millis, id -> elapsed.tryComplete());
        return elapsed.future();
    }

    private void respond(RoutingContext ctx, boolean asJson) {
        Rendered current = rendered;
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, asJson ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(Buffer.buffer(asJson ? current.json() : current.yaml()));
    }

    /** The merged document as a tree (for health details and tests). */
    public ObjectNode document() {
        try {
            return (ObjectNode) json.readTree(rendered.json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized Map<Upstream, Instant> lastFetched() {
        return Map.copyOf(fetchedAt);
    }

    /**
     * Fetches every upstream's document; each answer re-renders the merged document. The future
     * completes when every fetch has ended, whether it succeeded or not.
     */
    public Future<Void> refresh() {
        lastRefreshStarted.set(System.nanoTime());
        List<Future<JsonNode>> fetches = new ArrayList<>();
        for (UpstreamEndpoint endpoint : upstreams.all()) {
            Future<JsonNode> fetch = fetch(endpoint);
            fetches.add(fetch);
            fetch.onComplete(result -> {
                synchronized (this) {
                    if (result.succeeded()) {
                        documents.put(endpoint.upstream(), result.result());
                        fetchedAt.put(endpoint.upstream(), Instant.now());
                        reachable.put(endpoint.upstream(), true);
                    } else {
                        if (!Boolean.FALSE.equals(reachable.get(endpoint.upstream()))) {
                            LOG.infof("OpenAPI of %s not fetched (%s); keeping its last known paths",
                                    endpoint.upstream().serviceName(), result.cause().getMessage());
                        }
                        reachable.put(endpoint.upstream(), false);
                    }
                }
                render();
            });
        }
        // join waits for every fetch; the renders above were registered first, so they have run.
        return Future.join(fetches).<Void>mapEmpty().recover(ignored -> Future.succeededFuture());
    }

    /** Starts a refresh (and returns it) when some service has never answered and none ran lately. */
    private Future<Void> refreshIfSomeServiceIsMissing() {
        boolean missing;
        synchronized (this) {
            missing = documents.size() < Upstream.values().length;
        }
        long last = lastRefreshStarted.get();
        if (missing && System.nanoTime() - last >= EAGER_REFRESH_NANOS
                && lastRefreshStarted.compareAndSet(last, System.nanoTime())) {
            return refresh();
        }
        return null;
    }

    private Future<JsonNode> fetch(UpstreamEndpoint endpoint) {
        long timeout = config.fetchTimeout().toMillis();
        return endpoint.client()
                .request(endpoint.requestOptions(HttpMethod.GET, "/q/openapi?format=json", config.fetchTimeout()))
                .compose(request -> {
                    request.putHeader(HttpHeaders.ACCEPT, "application/json");
                    return request.send();
                })
                .compose(response -> {
                    if (response.statusCode() != 200) {
                        // Read the (small) error body so the connection goes back to the pool.
                        return response.body().transform(ignored -> Future.failedFuture("HTTP " + response.statusCode()));
                    }
                    return response.body();
                })
                .timeout(timeout, java.util.concurrent.TimeUnit.MILLISECONDS)
                .compose(body -> {
                    try {
                        JsonNode document = json.readTree(body.getBytes());
                        if (document == null || !document.path("paths").isObject()) {
                            return Future.failedFuture("not an OpenAPI document");
                        }
                        return Future.succeededFuture(document);
                    } catch (IOException e) {
                        return Future.failedFuture("not JSON: " + e.getMessage());
                    }
                });
    }

    private synchronized void render() {
        List<OpenApiMerger.Source> sources = new ArrayList<>();
        synchronized (this) {
            for (Upstream upstream : Upstream.values()) {
                sources.add(new OpenApiMerger.Source(upstream, documents.get(upstream),
                        Boolean.TRUE.equals(reachable.get(upstream))));
            }
        }
        ObjectNode merged = merger.merge(sources, version);
        try {
            rendered = new Rendered(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(merged),
                    yaml.writeValueAsBytes(merged));
        } catch (IOException e) {
            LOG.error("cannot render the merged OpenAPI document", e);
        }
    }

    private static ObjectNode loadGatewayDocument(ObjectMapper mapper) {
        try (InputStream in = MergedOpenApi.class.getResourceAsStream("/openapi/gateway-openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi/gateway-openapi.json is missing from the gateway jar");
            }
            return (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
