package dev.rapport.loyalty.adapter.in.rest;

import jakarta.ws.rs.ext.Provider;

import dev.rapport.http.DomainProblemMapper;
import dev.rapport.http.ProblemDetail;
import dev.rapport.kernel.DomainException;

/**
 * The HTTP face of loyalty's rules. Every loyalty exception is one of the kernel's categories
 * (not found 404, conflict 409 such as insufficient-points, rule violation 422 such as
 * idempotency-key-reused or effective-date-in-past), answered by the base class with its facts.
 */
@Provider
public class LoyaltyProblemMapper extends DomainProblemMapper {

    @Override
    protected ProblemDetail serviceProblem(DomainException exception) {
        return null;
    }
}
