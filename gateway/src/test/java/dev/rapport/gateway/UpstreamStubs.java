package dev.rapport.gateway;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Stand-ins for feedback-service and segmentation-service, only for what a real service cannot be
 * made to do on demand: echo what reached it (to see the gateway's header handling), hang (timeouts),
 * drop the connection (retries, 502), fail (5xx pass-through). Control paths under /stub/ are
 * called by the tests directly, never through the gateway.
 */
final class UpstreamStubs implements AutoCloseable {

    private final Vertx vertx;
    private final HttpServer feedback;
    private final HttpServer segmentation;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Set<String> slowCustomers = ConcurrentHashMap.newKeySet();
    private final Map<String, RoutingContext> held = new ConcurrentHashMap<>();

    private UpstreamStubs(Vertx vertx) throws Exception {
        this.vertx = vertx;
        this.feedback = vertx.createHttpServer().requestHandler(feedbackRouter()).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        this.segmentation = vertx.createHttpServer().requestHandler(segmentationRouter()).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    static UpstreamStubs start() {
        try {
            return new UpstreamStubs(Vertx.vertx());
        } catch (Exception e) {
            throw new IllegalStateException("stub upstreams did not start", e);
        }
    }

    int feedbackPort() {
        return feedback.actualPort();
    }

    int segmentationPort() {
        return segmentation.actualPort();
    }

    private Router feedbackRouter() {
        Router router = Router.router(vertx);
        router.route("/feedback/echo").handler(this::echo);
        router.route("/surveys/echo").handler(this::echo);
        router.route("/complaints/echo").handler(this::echo);
        // Never answers: the gateway's timeout must fire.
        router.get("/feedback/slow").handler(ctx -> hit("slow"));
        // First call per token: connection dropped before any answer; later calls answer 200.
        router.route("/feedback/flaky/:token").handler(ctx -> {
            int attempt = hit(ctx.pathParam("token"));
            if (attempt == 1) {
                ctx.request().connection().close();
            } else {
                json(ctx, 200, new JsonObject().put("attempt", attempt));
            }
        });
        // Held until the test releases it through /stub/release/:token.
        router.get("/surveys/hold/:token").handler(ctx -> held.put(ctx.pathParam("token"), ctx));
        router.get("/stub/held/:token").handler(ctx ->
                json(ctx, 200, new JsonObject().put("held", held.containsKey(ctx.pathParam("token")))));
        router.post("/stub/release/:token").handler(ctx -> {
            RoutingContext waiting = held.remove(ctx.pathParam("token"));
            if (waiting == null) {
                ctx.response().setStatusCode(404).end();
                return;
            }
            json(waiting, 200, new JsonObject().put("released", true));
            ctx.response().setStatusCode(204).end();
        });
        router.get("/feedback/error").handler(ctx -> ctx.response().setStatusCode(500)
                .putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "https://rapport.dev/problems/internal").put("title", "Internal error")
                        .put("status", 500).put("detail", "from the stub").encode()));
        router.get("/feedback/stream").handler(ctx -> {
            ctx.response().setChunked(true).putHeader("Content-Type", "text/plain");
            for (int i = 1; i <= 5; i++) {
                ctx.response().write("chunk-" + i + "\n");
            }
            ctx.response().end();
        });
        // A body of known length, larger than what the gateway collects before writing: it must stream.
        router.get("/feedback/large/:bytes").handler(ctx -> {
            int size = Integer.parseInt(ctx.pathParam("bytes"));
            io.vertx.core.buffer.Buffer body = io.vertx.core.buffer.Buffer.buffer(size);
            for (int i = 0; i < size; i++) {
                body.appendByte((byte) ('a' + i % 26));
            }
            ctx.response().putHeader("Content-Type", "application/octet-stream").end(body);
        });
        router.get("/complaints").handler(ctx -> json(ctx, 200, new JsonObject()
                .put("items", new JsonArray().add(new JsonObject().put("id", "c-1")
                        .put("customerId", ctx.request().getParam("customerId"))
                        .put("status", ctx.request().getParam("status"))))
                .putNull("nextCursor")));
        router.get("/q/openapi").handler(ctx -> json(ctx, 200, feedbackOpenApi()));
        router.get("/stub/hits/:token").handler(ctx -> json(ctx, 200,
                new JsonObject().put("hits", hits.getOrDefault(ctx.pathParam("token"), new AtomicInteger()).get())));
        return router;
    }

    private Router segmentationRouter() {
        Router router = Router.router(vertx);
        router.get("/segments/customers/:id").handler(ctx -> {
            String id = ctx.pathParam("id");
            if (slowCustomers.contains(id)) {
                return;
            }
            json(ctx, 200, new JsonObject().put("customerId", id)
                    .put("rfm", new JsonObject().put("recency", 4).put("frequency", 3).put("monetary", 5))
                    .put("abc", "A").put("lifecycle", "active").put("churnRisk", 0.12));
        });
        router.post("/stub/slow/:id").handler(ctx -> {
            slowCustomers.add(ctx.pathParam("id"));
            ctx.response().setStatusCode(204).end();
        });
        // No /q/openapi: a service without a document must not break the merge.
        return router;
    }

    private void echo(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            request.headers().names().forEach(name -> headers.put(name.toLowerCase(), String.join(",", request.headers().getAll(name))));
            json(ctx, 200, new JsonObject()
                    .put("method", request.method().name())
                    .put("path", request.path())
                    .put("query", request.query())
                    .put("headers", headers)
                    .put("bodyBytes", body.length()));
        });
    }

    private int hit(String token) {
        return hits.computeIfAbsent(token, key -> new AtomicInteger()).incrementAndGet();
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    /** Paths the gateway routes plus one it must drop; a ProblemDetail unlike customer-service's. */
    private static JsonObject feedbackOpenApi() {
        JsonObject ok = new JsonObject().put("200", new JsonObject().put("description", "ok")
                .put("content", new JsonObject().put("application/json", new JsonObject()
                        .put("schema", new JsonObject().put("$ref", "#/components/schemas/Feedback")))));
        JsonObject failed = new JsonObject().put("500", new JsonObject().put("description", "failed")
                .put("content", new JsonObject().put("application/problem+json", new JsonObject()
                        .put("schema", new JsonObject().put("$ref", "#/components/schemas/ProblemDetail")))));
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "feedback stub").put("version", "1"))
                .put("tags", new JsonArray().add(new JsonObject().put("name", "Feedback")))
                .put("paths", new JsonObject()
                        .put("/feedback/echo", new JsonObject().put("get", new JsonObject()
                                .put("operationId", "echoFeedback").put("tags", new JsonArray().add("Feedback"))
                                .put("responses", ok.copy().mergeIn(failed))))
                        .put("/complaints", new JsonObject().put("get", new JsonObject()
                                .put("operationId", "listComplaints").put("responses", ok.copy())))
                        .put("/internal/metrics", new JsonObject().put("get", new JsonObject()
                                .put("operationId", "internalOnly").put("responses", ok.copy()))))
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put("Feedback", new JsonObject().put("type", "object"))
                        .put("ProblemDetail", new JsonObject().put("type", "object")
                                .put("description", "the stub's own, different problem schema"))));
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }
}
