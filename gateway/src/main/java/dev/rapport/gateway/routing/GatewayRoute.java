package dev.rapport.gateway.routing;

import java.util.Objects;

/**
 * One public path prefix and the upstream that serves it. The gateway forwards
 * {@code /api/customers/42} as {@code /customers/42}: the upstream serves the same path without
 * {@link #PUBLIC_PREFIX}.
 */
public record GatewayRoute(String name, String publicPrefix, Upstream upstream) {

    public static final String PUBLIC_PREFIX = "/api";

    public GatewayRoute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(upstream, "upstream");
        if (publicPrefix == null || !publicPrefix.startsWith(PUBLIC_PREFIX + "/") || publicPrefix.endsWith("/")) {
            throw new IllegalArgumentException("public prefix must look like /api/<name>: " + publicPrefix);
        }
    }

    /** True for the prefix itself and everything below it, not for /api/customersX. */
    public boolean matches(String path) {
        return path.startsWith(publicPrefix)
                && (path.length() == publicPrefix.length() || path.charAt(publicPrefix.length()) == '/');
    }

    /** The path prefix the upstream serves, e.g. /customers. */
    public String upstreamPrefix() {
        return publicPrefix.substring(PUBLIC_PREFIX.length());
    }

    /** The upstream path for a public path this route matches. */
    public String upstreamPath(String publicPath) {
        return publicPath.substring(PUBLIC_PREFIX.length());
    }
}
