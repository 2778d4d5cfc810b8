package dev.rapport.gateway.overview;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.gateway.config.GatewayConfig;
import dev.rapport.gateway.http.GatewayProblems;
import dev.rapport.gateway.http.RequestContext;
import dev.rapport.gateway.proxy.UpstreamEndpoint;
import dev.rapport.gateway.proxy.Upstreams;
import dev.rapport.gateway.resilience.CircuitBreaker;
import dev.rapport.gateway.routing.Upstream;
import dev.rapport.gateway.security.Caller;
import dev.rapport.gateway.security.IdentityTokenIssuer;
import dev.rapport.gateway.security.RoutePolicy;
import dev.rapport.http.FieldError;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * {@code GET /api/customers/{id}/overview}: one answer for a customer screen, composed from four
 * services called in parallel, each within {@code rapport.gateway.overview.part-timeout}:
 * profile (customer-service), loyalty account (loyalty-service), segment profile
 * (segmentation-service) and open complaints (feedback-service).
 *
 * <p>Every part is {@code {"status":"available","data":...}}, or {"status":"unavailable"} when
 * its service is down, slow, failing or not built yet, {"status":"absent"} when the service has
 * nothing for this customer (404), or {"status":"forbidden"} when the caller may not read it
 * directly (the same {@link RoutePolicy} as the proxied routes). Only an unknown customer
 * (profile 404) fails the whole call.
 */
@Singleton
public class CustomerOverviewHandler {

    private static final Logger LOG = Logger.getLogger(CustomerOverviewHandler.class);
    /** A part bigger than this is not an overview any more; it is reported unavailable. */
    private static final int MAX_PART_BYTES = 1024 * 1024;

    private final Vertx vertx;
    private final Upstreams upstreams;
    private final ObjectMapper mapper;
    private final GatewayProblems problems;
    private final Duration partTimeout;
    private final IdentityTokenIssuer identities;

    public CustomerOverviewHandler(Vertx vertx, Upstreams upstreams, ObjectMapper mapper, GatewayProblems problems,
                                   IdentityTokenIssuer identities, GatewayConfig config) {
        this.identities = identities;
        this.vertx = vertx;
        this.upstreams = upstreams;
        this.mapper = mapper;
        this.problems = problems;
        this.partTimeout = config.overview().partTimeout();
    }

    /** One fetched part. {@code httpStatus} is 0 when no answer came. */
    record Part(String status, JsonNode data, int httpStatus) {
        static Part unavailable() {
            return new Part("unavailable", null, 0);
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("status", status);
            if (data != null) {
                json.put("data", data);
            }
            return json;
        }
    }

    public void handle(RoutingContext ctx, String customerId, Caller caller) {
        ctx.request().resume();
        UUID id;
        try {
            id = UUID.fromString(customerId);
        } catch (IllegalArgumentException e) {
            problems.send(ctx, GatewayProblems.validation("the customer id is not a UUID",
                    List.of(new FieldError("id", "must be a UUID"))));
            return;
        }
        RequestContext.upstream(ctx, "overview");
        Future<Part> profile = fetch(ctx, caller, Upstream.CUSTOMER, "/customers/" + id);
        Future<Part> loyalty = fetch(ctx, caller, Upstream.LOYALTY, "/loyalty/accounts/" + id);
        Future<Part> segments = fetch(ctx, caller, Upstream.SEGMENTATION, "/segments/customers/" + id);
        Future<Part> complaints = fetch(ctx, caller, Upstream.FEEDBACK, "/complaints?customerId=" + id + "&status=open");

        Future.join(profile, loyalty, segments, complaints).onComplete(done -> {
            Part profilePart = profile.result();
            if (profilePart.httpStatus() == 404) {
                problems.send(ctx, GatewayProblems.notFound("customer " + id + " does not exist"));
                return;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("customerId", id.toString());
            body.put("profile", profilePart.toJson());
            body.put("loyalty", loyalty.result().toJson());
            body.put("segments", segments.result().toJson());
            body.put("openComplaints", complaints.result().toJson());
            try {
                Buffer json = Buffer.buffer(mapper.writeValueAsBytes(body));
                ctx.response().setStatusCode(200)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                        .end(json);
            } catch (IOException e) {
                LOG.error("cannot write the customer overview", e);
                problems.send(ctx, GatewayProblems.problem(500, dev.rapport.http.ProblemTypes.INTERNAL,
                        "Internal error", "the overview could not be written"));
            }
        });
    }

    /** Never fails: every problem becomes a part status. */
    private Future<Part> fetch(RoutingContext ctx, Caller caller, Upstream upstream, String uri) {
        String publicPath = "/api" + (uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri);
        if (!RoutePolicy.permits(caller, "GET", publicPath)) {
            return Future.succeededFuture(new Part("forbidden", null, 0));
        }
        UpstreamEndpoint endpoint = upstreams.get(upstream);
        CircuitBreaker breaker = endpoint.breaker();
        if (!breaker.tryAcquire()) {
            return Future.succeededFuture(Part.unavailable());
        }
        Promise<Part> result = Promise.promise();
        // The idle timeout covers silence; this deadline also covers a slow trickle of bytes.
        long deadline = vertx.setTimer(partTimeout.toMillis(), timer -> {
            if (result.tryComplete(Part.unavailable())) {
                breaker.onFailure();
                LOG.debugf("overview part from %s timed out", upstream.id());
            }
        });
        endpoint.client().request(endpoint.requestOptions(HttpMethod.GET, uri, partTimeout))
                .compose(request -> {
                    request.putHeader(HttpHeaders.ACCEPT, "application/json");
                    request.putHeader(RequestContext.REQUEST_ID_HEADER, RequestContext.requestId(ctx));
                    request.putHeader(HttpHeaders.AUTHORIZATION, identities.authorization(caller));
                    request.putHeader("X-Forwarded-Prefix", "/api");
                    return request.send();
                })
                .compose(response -> {
                    String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
                    if (length != null && length.length() < 12 && Long.parseLong(length) > MAX_PART_BYTES) {
                        response.exceptionHandler(ignored -> { });
                        response.request().reset();
                        return Future.succeededFuture(new Raw(502, null));
                    }
                    return response.body().map(body -> new Raw(response.statusCode(), body));
                })
                .onComplete(answer -> {
                    vertx.cancelTimer(deadline);
                    Part part = toPart(upstream, answer.succeeded() ? answer.result() : null, answer.cause());
                    if (result.tryComplete(part)) {
                        if (part.httpStatus() == 0 || part.httpStatus() == 502 || part.httpStatus() == 503
                                || part.httpStatus() == 504) {
                            breaker.onFailure();
                        } else {
                            breaker.onSuccess();
                        }
                    }
                });
        return result.future();
    }

    private record Raw(int status, Buffer body) {
    }

    private Part toPart(Upstream upstream, Raw raw, Throwable failure) {
        if (raw == null) {
            LOG.debugf("overview part from %s unavailable: %s", upstream.id(), failure);
            return Part.unavailable();
        }
        if (raw.status() == 404) {
            return new Part("absent", null, 404);
        }
        if (raw.status() < 200 || raw.status() >= 300 || raw.body() == null) {
            return new Part("unavailable", null, raw.status());
        }
        if (raw.body().length() > MAX_PART_BYTES) {
            return new Part("unavailable", null, raw.status());
        }
        try {
            return new Part("available", mapper.readTree(raw.body().getBytes()), raw.status());
        } catch (IOException e) {
            LOG.debugf("overview part from %s is not JSON", upstream.id());
            return new Part("unavailable", null, raw.status());
        }
    }
}
