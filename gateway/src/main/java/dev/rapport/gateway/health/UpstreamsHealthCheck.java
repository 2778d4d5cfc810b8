package dev.rapport.gateway.health;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.rapport.gateway.openapi.MergedOpenApi;
import dev.rapport.gateway.proxy.UpstreamEndpoint;
import dev.rapport.gateway.proxy.Upstreams;
import dev.rapport.gateway.routing.Upstream;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reports each upstream's circuit breaker state and when its OpenAPI document was last fetched.
 * Informational only: always UP, because a gateway that stops taking traffic when one service is
 * down would turn a partial outage into a full one (the other routes still work, and the failing
 * one answers 503 problem+json by itself).
 */
@Readiness
@ApplicationScoped
public class UpstreamsHealthCheck implements HealthCheck {

    private final Upstreams upstreams;
    private final MergedOpenApi openApi;

    public UpstreamsHealthCheck(Upstreams upstreams, MergedOpenApi openApi) {
        this.upstreams = upstreams;
        this.openApi = openApi;
    }

    @Override
    public HealthCheckResponse call() {
        Map<Upstream, Instant> fetched = openApi.lastFetched();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams").up();
        for (UpstreamEndpoint endpoint : upstreams.all()) {
            Instant lastFetch = fetched.get(endpoint.upstream());
            builder.withData(endpoint.id(), endpoint.url() + " circuit=" + endpoint.breaker().state()
                    + " openapi=" + (lastFetch == null ? "never fetched" : "fetched " + lastFetch));
        }
        return builder.build();
    }
}
