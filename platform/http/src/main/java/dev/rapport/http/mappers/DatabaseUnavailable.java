package dev.rapport.http.mappers;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.rapport.http.ProblemDetail;
import dev.rapport.http.ProblemResponses;
import dev.rapport.http.ProblemTypes;

/**
 * A request that failed because the database could not be reached (down, restarting, the pool unable to
 * open a connection) is not a bug: the service answers 503 with Retry-After and recovers on its own
 * once the database is back, so the client can simply try again.
 */
public final class DatabaseUnavailable {

    public static final String TYPE = ProblemTypes.of("service-unavailable");
    /** Seconds a client should wait: about what a database restart takes. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    /** The connection failure somewhere in {@code exception}'s causes, or null if there is none. */
    public static SQLException connectionFailure(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && isConnectionFailure(sql)) {
                return sql;
            }
        }
        return null;
    }

    static boolean isConnectionFailure(SQLException exception) {
        String state = exception.getSQLState();
        return exception instanceof SQLTransientConnectionException
                || exception instanceof SQLNonTransientConnectionException
                // 08: connection exception; 57P01-57P03: the server is shutting down or starting up.
                || (state != null && (state.startsWith("08") || state.startsWith("57P0")))
                // The pool's own words when it could not hand out a connection in time (no SQLState): Agroal
                // says "Acquisition timeout while waiting for new connection" or "Sorry, acquisition timeout!".
                || String.valueOf(exception.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout");
    }

    public static Response response(UriInfo uriInfo) {
        ProblemDetail problem = ProblemDetail.of(503, TYPE, "Service unavailable",
                "the service cannot reach its database at the moment; retry after " + RETRY_AFTER_SECONDS + " seconds");
        return Response.status(503).type(ProblemResponses.PROBLEM_JSON)
                .entity(ProblemResponses.withInstance(problem, uriInfo))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}
