package dev.rapport.http.mappers;

import java.io.IOException;
import java.util.UUID;

import jakarta.inject.Inject;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import io.vertx.core.http.HttpServerRequest;

import dev.rapport.http.ProblemDetail;
import dev.rapport.http.ProblemResponses;
import dev.rapport.http.ProblemTypes;

/**
 * Last resort: anything no other mapper claims is a bug. The client gets a 500 problem with a
 * reference it can quote; the stack trace goes to the log under that reference, never to the client.
 */
@Provider
public class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnhandledExceptionMapper.class);

    @Context
    UriInfo uriInfo;

    @Inject
    HttpServerRequest request;

    @Override
    public Response toResponse(Throwable exception) {
        IOException bodyFailure = requestBodyFailure(exception);
        if (bodyFailure != null) {
            return cutOff(bodyFailure);
        }
        java.sql.SQLException databaseDown = DatabaseUnavailable.connectionFailure(exception);
        if (databaseDown != null) {
            LOG.warnf("%s %s: database unavailable, answered 503 (%s)", request.method(), request.path(), databaseDown.getMessage());
            return DatabaseUnavailable.response(uriInfo);
        }
        return internalError(exception, LOG, uriInfo);
    }

    /**
     * The request body stopped before its end: over the HTTP body limit (Quarkus has already answered
     * 413 and closes the connection) or the client, or the gateway at its own limit, closed the
     * connection. The client's doing, not a bug: one line, no stack trace.
     */
    private Response cutOff(IOException failure) {
        boolean tooLarge = String.valueOf(failure.getMessage()).contains("too large");
        boolean answered = request.response().ended() || request.response().closed();
        LOG.infof("%s %s: the request body ended early (%s)%s", request.method(), request.path(),
                failure.getMessage(), answered ? "; the client already has its answer" : "");
        ProblemDetail problem = tooLarge
                ? ProblemDetail.of(413, ProblemTypes.of("payload-too-large"), "Payload too large",
                        "the request body is larger than this service accepts")
                : ProblemDetail.of(400, ProblemTypes.MALFORMED_REQUEST, "Bad request",
                        "the request body ended before it was complete");
        if (answered) {
            return Response.status(problem.status()).build();
        }
        return ProblemResponses.of(problem, uriInfo);
    }

    /** The I/O failure of reading this request's body, if that is what went wrong. */
    static IOException requestBodyFailure(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                for (StackTraceElement frame : io.getStackTrace()) {
                    if (frame.getClassName().endsWith("VertxInputStream") || frame.getClassName().contains("VertxInputStream$")) {
                        return io;
                    }
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    public static Response internalError(Throwable exception, Logger log, UriInfo uriInfo) {
        String reference = UUID.randomUUID().toString();
        log.errorf(exception, "Unhandled error, reference %s", reference);
        ProblemDetail problem = ProblemDetail.of(500, ProblemTypes.INTERNAL, "Internal server error",
                        "The request could not be completed because of an unexpected error; quote reference "
                                + reference + " when reporting it")
                .withExtension("reference", reference);
        return ProblemResponses.of(problem, uriInfo);
    }
}
