package dev.rapport.http.mappers;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.rapport.http.ProblemException;
import dev.rapport.http.ProblemResponses;

/** Renders a {@link ProblemException} a service threw. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ProblemException exception) {
        return ProblemResponses.of(exception.problem(), uriInfo);
    }
}
