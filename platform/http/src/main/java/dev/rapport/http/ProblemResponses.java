package dev.rapport.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Builds JAX-RS responses carrying a problem document. */
public final class ProblemResponses {

    public static final MediaType PROBLEM_JSON = MediaType.valueOf(ProblemDetail.PROBLEM_JSON);

    private ProblemResponses() {
    }

    public static Response of(ProblemDetail problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
    }

    /** Adds the request path as {@code instance} unless the problem already names one. */
    public static Response of(ProblemDetail problem, UriInfo uriInfo) {
        return of(withInstance(problem, uriInfo));
    }

    public static ProblemDetail withInstance(ProblemDetail problem, UriInfo uriInfo) {
        if (problem.instance() != null || uriInfo == null) {
            return problem;
        }
        try {
            return problem.withInstance(uriInfo.getRequestUri().getRawPath());
        } catch (RuntimeException outsideRequest) {
            return problem;
        }
    }
}
