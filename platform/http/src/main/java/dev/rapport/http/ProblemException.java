package dev.rapport.http;

import java.util.List;
import java.util.Map;

/**
 * Thrown by a service (typically from a mapper of its domain exceptions) to answer with a problem
 * document. The message is the problem's {@code detail}, so it must not carry internals.
 */
public class ProblemException extends RuntimeException {

    private final transient ProblemDetail problem;

    public ProblemException(ProblemDetail problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public ProblemException(int status, String type, String title, String detail) {
        this(ProblemDetail.of(status, type, title, detail));
    }

    public ProblemException(int status, String type, String title, String detail, Map<String, Object> extensions) {
        this(new ProblemDetail(type, title, status, detail, null, List.of(), extensions));
    }

    public static ProblemException badRequest(String detail, List<FieldError> errors) {
        return new ProblemException(ProblemDetail.validation(detail, errors));
    }

    public static ProblemException badRequest(String field, String message) {
        return badRequest("Request contains an invalid value", List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, ProblemTypes.NOT_FOUND, "Not found", detail);
    }

    public static ProblemException conflict(String detail, Map<String, Object> extensions) {
        return new ProblemException(409, ProblemTypes.CONFLICT, "Conflict", detail, extensions);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, ProblemTypes.PRECONDITION_FAILED, "Precondition failed", detail);
    }

    public ProblemDetail problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }
}
