package dev.rapport.gateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the gateway. Quarkus answers a request target that {@code java.net.URI} refuses (a broken
 * {@code %} escape) with a bare 400 before any route runs, unless {@code vertx.disableURIValidation}
 * is set when its HTTP layer initialises; the gateway checks the target itself
 * ({@code http.EarlyRefusals}) and answers problem+json with the request id.
 */
@QuarkusMain
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String... args) {
        System.setProperty("vertx.disableURIValidation", "true");
        Quarkus.run(args);
    }
}
