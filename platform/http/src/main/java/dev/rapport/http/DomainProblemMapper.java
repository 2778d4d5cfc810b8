package dev.rapport.http;

import java.util.List;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.jboss.logging.Logger;

import dev.rapport.http.mappers.UnhandledExceptionMapper;
import dev.rapport.kernel.ConflictException;
import dev.rapport.kernel.DomainException;
import dev.rapport.kernel.FieldViolation;
import dev.rapport.kernel.InvalidInputException;
import dev.rapport.kernel.InvalidValueException;
import dev.rapport.kernel.NotFoundException;
import dev.rapport.kernel.RuleViolationException;

/**
 * The HTTP face of the kernel's exceptions. Each service has exactly one {@code @Provider} subclass;
 * it answers its own exception types in {@link #serviceProblem} and leaves the kernel's categories
 * here: invalid input 400 with field errors, not found 404, conflict 409, rule violation 422. A
 * domain exception that neither knows is a bug, not the client's fault: a logged 500 with a
 * reference, never a silent 400.
 */
public abstract class DomainProblemMapper implements ExceptionMapper<DomainException> {

    private static final Logger LOG = Logger.getLogger(DomainProblemMapper.class);

    @Context
    protected UriInfo uriInfo;

    @Override
    public Response toResponse(DomainException exception) {
        ProblemDetail problem = problemOf(exception);
        return problem == null
                ? UnhandledExceptionMapper.internalError(exception, LOG, uriInfo)
                : ProblemResponses.of(problem, uriInfo);
    }

    /** The problem for {@code exception}, or null when it is unknown (answered as a 500). */
    public ProblemDetail problemOf(DomainException exception) {
        ProblemDetail own = serviceProblem(exception);
        return own != null ? own : kernelProblem(exception);
    }

    /** A service's own exception types; null for anything else. */
    protected ProblemDetail serviceProblem(DomainException exception) {
        return null;
    }

    public static ProblemDetail kernelProblem(DomainException exception) {
        String detail = exception.getMessage();
        return switch (exception) {
            case InvalidInputException invalid -> ProblemDetail.validation(detail, fieldErrors(invalid.violations()));
            case InvalidValueException invalid ->
                    ProblemDetail.validation(detail, List.of(new FieldError("body", detail)));
            case NotFoundException notFound ->
                    ProblemDetail.of(404, ProblemTypes.NOT_FOUND, notFound.what() + " not found", detail);
            case ConflictException conflict -> new ProblemDetail(ProblemTypes.of(conflict.code()), conflict.title(),
                    409, detail, null, List.of(), conflict.facts());
            case RuleViolationException rule -> new ProblemDetail(ProblemTypes.of(rule.code()), rule.title(),
                    422, detail, null, fieldErrors(rule.violations()), rule.facts());
            default -> null;
        };
    }

    public static List<FieldError> fieldErrors(List<FieldViolation> violations) {
        return violations.stream().map(v -> new FieldError(v.field(), v.message())).toList();
    }
}
