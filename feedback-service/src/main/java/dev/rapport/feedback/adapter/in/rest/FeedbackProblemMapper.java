package dev.rapport.feedback.adapter.in.rest;

import dev.rapport.http.DomainProblemMapper;
import dev.rapport.http.ProblemDetail;
import dev.rapport.kernel.DomainException;
import jakarta.ws.rs.ext.Provider;

/**
 * The HTTP face of every domain rule of feedback-service. The service's rules are expressed with the
 * kernel's categories (invalid input 400, not found 404, conflict 409 with a code, rule violation 422),
 * which the base class answers; this subclass is the one place for anything of the service's own.
 */
@Provider
public class FeedbackProblemMapper extends DomainProblemMapper {

    @Override
    protected ProblemDetail serviceProblem(DomainException exception) {
        return null;
    }
}
