package dev.rapport.http;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Fails as a persistence layer does when its database is down, or with an ordinary SQL error. Test-only. */
@Path("/probe/database")
public class DatabaseProbeResource {

    @POST
    @Path("/{failure}")
    public String write(@PathParam("failure") String failure) {
        SQLException cause = switch (failure) {
            case "refused" -> new SQLException("Connection to localhost:5432 refused", "08001");
            case "shutting-down" -> new SQLException("terminating connection due to administrator command", "57P01");
            case "pool-timeout" -> new SQLException("Acquisition timeout while waiting for new connection");
            // Every connection of the pool busy for longer than its acquisition timeout (Agroal's words).
            case "pool-exhausted" -> new SQLException("Sorry, acquisition timeout!");
            case "transient" -> new SQLTransientConnectionException("connection lost");
            default -> new SQLException("syntax error at or near \"SELEC\"", "42601");
        };
        // Persistence layers wrap the driver's exception, often twice.
        throw new IllegalStateException("could not store", new RuntimeException("jdbc", cause));
    }
}
