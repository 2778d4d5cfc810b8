package dev.rapport.loyalty.adapter.in.rest;

import java.util.UUID;

import dev.rapport.http.QueryParameters;
import dev.rapport.kernel.NotFoundException;

/** Path ids: anything that is not a canonical UUID names nothing (404), like an unknown id. */
public final class Paths {

    public static final String PROBLEM_JSON = "application/problem+json";

    private Paths() {
    }

    public static UUID id(String what, String raw) {
        UUID id = QueryParameters.uuidOrNull(raw);
        if (id == null) {
            throw new NotFoundException(what, "no " + what.toLowerCase() + " " + raw);
        }
        return id;
    }
}
