package dev.rapport.gateway.http;

import io.vertx.ext.web.RoutingContext;

/** Names of the per-request values kept on the Vert.x {@link RoutingContext}. */
public final class RequestContext {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    static final String REQUEST_ID = "rapport.request-id";
    static final String PRINCIPAL = "rapport.principal";
    static final String UPSTREAM = "rapport.upstream";

    private RequestContext() {
    }

    public static String requestId(RoutingContext ctx) {
        return ctx.get(REQUEST_ID);
    }

    /** Who called (jwt:..., apikey:...), for the access log. */
    public static void principal(RoutingContext ctx, String principal) {
        ctx.put(PRINCIPAL, principal);
    }

    /** Which upstream served the request, for the access log. */
    public static void upstream(RoutingContext ctx, String upstream) {
        ctx.put(UPSTREAM, upstream);
    }
}
