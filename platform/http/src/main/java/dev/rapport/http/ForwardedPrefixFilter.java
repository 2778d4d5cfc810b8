package dev.rapport.http;

import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import dev.rapport.http.identity.CurrentCaller;

/**
 * A problem's {@code instance} names the path the caller used: through the gateway that is
 * {@code /api/...}, which the gateway says in {@code X-Forwarded-Prefix}. The header counts only on a
 * request that carried the gateway's verified identity token, so nobody else can choose the prefix.
 */
@Provider
public class ForwardedPrefixFilter implements ContainerResponseFilter {

    static final String HEADER = "X-Forwarded-Prefix";
    private static final Pattern PREFIX = Pattern.compile("/[a-z][a-z0-9-]{0,30}");

    @Inject
    CurrentCaller caller;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof ProblemDetail problem) || problem.instance() == null
                || caller.identity().isEmpty()) {
            return;
        }
        String prefix = request.getHeaderString(HEADER);
        if (prefix != null && PREFIX.matcher(prefix).matches() && !problem.instance().startsWith(prefix + "/")) {
            response.setEntity(problem.withInstance(prefix + problem.instance()));
        }
    }
}
