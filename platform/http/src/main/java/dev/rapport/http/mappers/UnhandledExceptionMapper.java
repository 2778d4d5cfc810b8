package dev.rapport.http.mappers;

import java.util.UUID;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

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

    @Override
    public Response toResponse(Throwable exception) {
        return internalError(exception, LOG, uriInfo);
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
