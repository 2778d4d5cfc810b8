package dev.rapport.http.mappers;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.http.ProblemDetail;
import dev.rapport.http.ProblemResponses;

/** Malformed JSON and JSON of the wrong shape, wherever it is parsed (body reader or a service's own code). */
@Provider
public class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    private static final Logger LOG = Logger.getLogger(JsonProcessingExceptionMapper.class);

    @Context
    UriInfo uriInfo;

    @Inject
    ObjectMapper objectMapper;

    @Override
    public Response toResponse(JsonProcessingException exception) {
        ProblemDetail problem = JsonProblems.toProblem(exception, objectMapper);
        if (problem == null) {
            return UnhandledExceptionMapper.internalError(exception, LOG, uriInfo);
        }
        return ProblemResponses.of(problem, uriInfo);
    }
}
