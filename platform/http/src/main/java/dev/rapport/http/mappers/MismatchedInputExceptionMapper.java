package dev.rapport.http.mappers;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.rapport.http.ProblemDetail;
import dev.rapport.http.ProblemResponses;

/**
 * Wrong JSON types, unknown enum values, unknown properties. Registered for exactly this type so it
 * replaces quarkus-rest-jackson's built-in mapper of the same exception.
 */
@Provider
public class MismatchedInputExceptionMapper implements ExceptionMapper<MismatchedInputException> {

    private static final Logger LOG = Logger.getLogger(MismatchedInputExceptionMapper.class);

    @Context
    UriInfo uriInfo;

    @Inject
    ObjectMapper objectMapper;

    @Override
    public Response toResponse(MismatchedInputException exception) {
        ProblemDetail problem = JsonProblems.toProblem(exception, objectMapper);
        return problem == null ? UnhandledExceptionMapper.internalError(exception, LOG, uriInfo)
                : ProblemResponses.of(problem, uriInfo);
    }
}
