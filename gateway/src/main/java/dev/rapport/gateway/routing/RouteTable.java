package dev.rapport.gateway.routing;

import java.util.List;
import java.util.Optional;

/** Which upstream serves which public path. Later services plug in here (and in RoutePolicy). */
public final class RouteTable {

    public static final List<GatewayRoute> ROUTES = List.of(
            new GatewayRoute("customers", "/api/customers", Upstream.CUSTOMER),
            new GatewayRoute("feedback", "/api/feedback", Upstream.FEEDBACK),
            new GatewayRoute("complaints", "/api/complaints", Upstream.FEEDBACK),
            new GatewayRoute("surveys", "/api/surveys", Upstream.FEEDBACK),
            new GatewayRoute("loyalty", "/api/loyalty", Upstream.LOYALTY),
            new GatewayRoute("segments", "/api/segments", Upstream.SEGMENTATION));

    private RouteTable() {
    }

    public static Optional<GatewayRoute> find(String path) {
        for (GatewayRoute route : ROUTES) {
            if (route.matches(path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /** The route serving an upstream path such as /customers/{id} (used by the OpenAPI merge). */
    public static Optional<GatewayRoute> forUpstreamPath(Upstream upstream, String upstreamPath) {
        for (GatewayRoute route : ROUTES) {
            if (route.upstream() == upstream && route.matches(GatewayRoute.PUBLIC_PREFIX + upstreamPath)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }
}
