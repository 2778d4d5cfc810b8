package dev.rapport.http.mappers;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.http.ProblemDetail;
import dev.rapport.http.ProblemResponses;
import dev.rapport.http.ProblemTypes;

/**
 * Every JAX-RS status exception (no matching resource, wrong method, unsupported media type, a
 * malformed body the JSON reader wrapped, ...) as a problem document. Headers such as {@code Allow}
 * are kept; redirects pass through untouched.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class);

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders httpHeaders;

    @Inject
    ObjectMapper objectMapper;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status < 400) {
            return original;
        }
        if (original.getEntity() instanceof ProblemDetail problem) {
            return ProblemResponses.of(problem, uriInfo);
        }
        if (exception.getCause() instanceof JsonProcessingException json) {
            ProblemDetail problem = JsonProblems.toProblem(json, objectMapper);
            if (problem != null) {
                return ProblemResponses.of(problem, uriInfo);
            }
        }
        if (status >= 500) {
            return UnhandledExceptionMapper.internalError(exception, LOG, uriInfo);
        }
        Response.ResponseBuilder response = Response.status(status).type(ProblemResponses.PROBLEM_JSON)
                .entity(ProblemResponses.withInstance(problemFor(status, exception), uriInfo));
        for (Map.Entry<String, List<Object>> header : original.getHeaders().entrySet()) {
            if (!header.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)
                    && !header.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                header.getValue().forEach(value -> response.header(header.getKey(), value));
            }
        }
        return response.build();
    }

    private ProblemDetail problemFor(int status, WebApplicationException exception) {
        String custom = customMessage(exception);
        return switch (status) {
            case 400 -> ProblemDetail.of(400, ProblemTypes.MALFORMED_REQUEST, "Bad request",
                    custom != null ? custom : "The request could not be understood");
            case 404 -> ProblemDetail.of(404, ProblemTypes.NOT_FOUND, "Not found",
                    custom != null ? custom : "No resource at " + path());
            case 405 -> ProblemDetail.of(405, ProblemTypes.METHOD_NOT_ALLOWED, "Method not allowed",
                    "This resource does not support the request method");
            case 406 -> ProblemDetail.of(406, ProblemTypes.NOT_ACCEPTABLE, "Not acceptable",
                    "No representation matches the Accept header; this API produces application/json");
            case 415 -> ProblemDetail.of(415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "Content-Type " + contentType() + " is not supported by this resource");
            default -> ProblemDetail.of(status, ProblemTypes.ABOUT_BLANK, reasonPhrase(status),
                    custom != null ? custom : reasonPhrase(status));
        };
    }

    /** JAX-RS' default messages ("HTTP 404 Not Found") say nothing; a message a service wrote does. */
    private static String customMessage(WebApplicationException exception) {
        String message = exception.getMessage();
        if (message == null || message.isBlank() || message.startsWith("HTTP ")) {
            return null;
        }
        return message;
    }

    private static String reasonPhrase(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }

    private String path() {
        try {
            return uriInfo.getRequestUri().getRawPath();
        } catch (RuntimeException outsideRequest) {
            return "this path";
        }
    }

    private String contentType() {
        try {
            String type = httpHeaders.getHeaderString(HttpHeaders.CONTENT_TYPE);
            return type == null || type.isBlank() ? "(none)" : type;
        } catch (RuntimeException outsideRequest) {
            return "of the request";
        }
    }
}
