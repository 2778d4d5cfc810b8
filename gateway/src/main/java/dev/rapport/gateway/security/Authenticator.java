package dev.rapport.gateway.security;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Finds out who is calling. {@code X-Api-Key} is checked against {@link ApiKeyStore}; otherwise
 * an {@code Authorization: Bearer} token is verified by quarkus-smallrye-jwt (signature against
 * {@code mp.jwt.verify.publickey.location} — a PEM file or a JWKS URL — and issuer against
 * {@code mp.jwt.verify.issuer}); the token's {@code groups} become the caller's roles.
 */
@Singleton
public class Authenticator {

    public static final String API_KEY_HEADER = "X-Api-Key";

    private static final Logger LOG = Logger.getLogger(Authenticator.class);

    /** What authentication concluded; anything but {@link Authenticated} is answered with 401. */
    public sealed interface Outcome permits Authenticated, Rejected {
    }

    public record Authenticated(Caller caller) implements Outcome {
    }

    /** {@code challenges} are the WWW-Authenticate values to send with the 401. */
    public record Rejected(String detail, List<String> challenges) implements Outcome {
    }

    static final String BEARER_CHALLENGE = "Bearer realm=\"rapport\"";
    static final String API_KEY_CHALLENGE = "ApiKey realm=\"rapport\", header=\"X-Api-Key\"";

    private static final BiConsumer<RoutingContext, Throwable> IGNORE_FAILURE = (ctx, failure) -> {
    };

    private final ApiKeyStore apiKeys;

    public Authenticator(ApiKeyStore apiKeys) {
        this.apiKeys = apiKeys;
    }

    /** Completes on whatever thread verified the token; callers go back to their context. */
    public Future<Outcome> authenticate(RoutingContext ctx) {
        String apiKey = ctx.request().getHeader(API_KEY_HEADER);
        if (apiKey != null) {
            return Future.succeededFuture(apiKeys.authenticate(apiKey.trim())
                    .<Outcome>map(key -> new Authenticated(Caller.partner(key.name(), key.scopes(), key.rateLimitClass())))
                    .orElseGet(() -> new Rejected("the API key is not valid",
                            List.of("ApiKey realm=\"rapport\", error=\"invalid_key\""))));
        }
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return Future.succeededFuture(new Rejected("credentials are required: a bearer token or an X-Api-Key",
                    List.of(BEARER_CHALLENGE, API_KEY_CHALLENGE)));
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Future.succeededFuture(new Rejected("only bearer tokens are accepted in Authorization",
                    List.of(BEARER_CHALLENGE, API_KEY_CHALLENGE)));
        }
        Promise<Outcome> promise = Promise.promise();
        // With proactive authentication off, Quarkus runs the JWT mechanism when asked, here. Its
        // default failure handler would answer a bare 401 itself; the gateway answers problem+json.
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, IGNORE_FAILURE);
        QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(
                identity -> promise.complete(fromIdentity(identity)),
                failure -> {
                    LOG.debugf("bearer token rejected: %s", failure.getMessage());
                    promise.complete(invalidToken());
                });
        return promise.future();
    }

    private static Outcome fromIdentity(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return invalidToken();
        }
        Principal principal = identity.getPrincipal();
        String subject = principal instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject()
                : principal.getName();
        Set<String> roles = identity.getRoles();
        return new Authenticated(Caller.user(subject, roles));
    }

    private static Rejected invalidToken() {
        return new Rejected("the bearer token is not valid (signature, issuer or expiry)",
                List.of("Bearer realm=\"rapport\", error=\"invalid_token\""));
    }
}
