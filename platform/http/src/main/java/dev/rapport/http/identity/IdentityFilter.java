package dev.rapport.http.identity;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import dev.rapport.http.ProblemDetail;
import dev.rapport.http.ProblemResponses;
import dev.rapport.http.ProblemTypes;

/**
 * Services trust the gateway, not the network: before any resource runs, the bearer token the
 * gateway signed is checked (algorithm, signature, issuer, audience, lifetime). Without one the
 * request is refused where {@code rapport.identity.required} (the default); a token that does not
 * verify is always refused. Health, metrics and OpenAPI under {@code /q} are not resources and stay
 * open. Headers such as {@code X-Rapport-Principal} mean nothing: the caller is the token's subject.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class IdentityFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(IdentityFilter.class);

    @Inject
    IdentityVerifier verifier;

    @Inject
    CurrentCaller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            Optional<CallerIdentity> identity = verifier.verify(request.getHeaderString(HttpHeaders.AUTHORIZATION));
            if (identity.isPresent()) {
                caller.set(identity.get());
            } else if (verifier.required()) {
                request.abortWith(unauthorized("A bearer token from the gateway is required; call this API through the gateway"));
            }
        } catch (InvalidIdentityException invalid) {
            LOG.debugf("Refused a request to %s: %s", request.getUriInfo().getPath(), invalid.getMessage());
            request.abortWith(unauthorized("The bearer token is not valid: " + invalid.getMessage()));
        }
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(ProblemResponses.of(
                        ProblemDetail.of(401, ProblemTypes.of("unauthorized"), "Unauthorized", detail)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }
}
