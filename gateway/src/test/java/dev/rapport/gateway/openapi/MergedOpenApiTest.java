package dev.rapport.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.gateway.config.GatewayConfig;
import dev.rapport.gateway.proxy.Upstreams;
import dev.rapport.gateway.routing.Upstream;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/**
 * A service that comes up after the gateway: the first read of the merged document after that
 * shows its paths, without waiting for the next periodic refresh (30 s by default).
 */
class MergedOpenApiTest {

    private final Vertx vertx = Vertx.vertx();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theFirstReadAfterAServiceComesUpShowsItsPaths() throws Exception {
        Map<Upstream, Integer> ports = new HashMap<>();
        for (Upstream upstream : Upstream.values()) {
            ports.put(upstream, freePort());
        }
        MergedOpenApi openApi = new MergedOpenApi(vertx, new Upstreams(vertx, config(ports), new SimpleMeterRegistry()),
                json, config(ports), "test");
        // start() is not called: no periodic refresh, only the one a read triggers. Nothing listens yet: the document holds only the gateway's own operations.
        openApi.refresh().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertFalse(openApi.document().path("paths").has("/api/customers/{id}"));

        Router router = Router.router(vertx);
        openApi.register(router);
        HttpServer gateway = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        HttpServer customerService = await(vertx.createHttpServer().requestHandler(request -> request.response()
                .putHeader("Content-Type", "application/json")
                .end("""
                        {"openapi": "3.1.0", "paths": {"/customers/{id}": {"get": {"operationId": "getCustomer",
                          "responses": {"200": {"description": "the customer"}}}}}}"""))
                .listen(ports.get(Upstream.CUSTOMER), "127.0.0.1"));
        // A read may start a fetch once per 2 s while some service has never answered.
        Thread.sleep(2_100);

        HttpClient client = vertx.createHttpClient();
        String body = await(client.request(HttpMethod.GET, gateway.actualPort(), "127.0.0.1", "/q/openapi?format=json")
                .compose(request -> request.send())
                .compose(response -> response.body())).toString();
        JsonNode paths = json.readTree(body).path("paths");
        assertTrue(paths.has("/api/customers/{id}"), "the first read shows customer-service's paths: " + paths.fieldNames().next());
        customerService.close();
    }

    private static GatewayConfig config(Map<Upstream, Integer> ports) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withMapping(GatewayConfig.class)
                // Quarkus's own spellings ("5s", "10M"), as in application.properties.
                .withConverter(java.time.Duration.class, 100, new io.quarkus.runtime.configuration.DurationConverter())
                .withConverter(io.quarkus.runtime.configuration.MemorySize.class, 100,
                        new io.quarkus.runtime.configuration.MemorySizeConverter());
        Map<String, String> values = new HashMap<>();
        values.put("rapport.gateway.identity.private-key-location", "file:/not/read/by/the/merge");
        ports.forEach((upstream, port) ->
                values.put("rapport.gateway.upstreams." + upstream.id() + ".url", "http://127.0.0.1:" + port));
        SmallRyeConfig config = builder.withDefaultValues(values).build();
        return config.getConfigMapping(GatewayConfig.class);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
