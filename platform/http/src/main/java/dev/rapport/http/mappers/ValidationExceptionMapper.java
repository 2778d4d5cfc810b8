package dev.rapport.http.mappers;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import dev.rapport.http.FieldError;
import dev.rapport.http.ProblemDetail;
import dev.rapport.http.ProblemResponses;
import dev.rapport.http.RequiredBody;

/**
 * Bean Validation failures. Replaces Quarkus' own mapper for the same type so every service answers
 * with the same problem shape. A violated return-value constraint is the server's fault, hence 500.
 */
@Provider
public class ValidationExceptionMapper implements ExceptionMapper<ValidationException> {

    private static final Logger LOG = Logger.getLogger(ValidationExceptionMapper.class);

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ValidationException exception) {
        if (!(exception instanceof ConstraintViolationException violations)
                || violations.getConstraintViolations().stream().anyMatch(ValidationExceptionMapper::isReturnValue)) {
            return UnhandledExceptionMapper.internalError(exception, LOG, uriInfo);
        }
        List<FieldError> errors = violations.getConstraintViolations().stream()
                .map(v -> new FieldError(isRequiredBody(v) ? "body" : fieldOf(v.getPropertyPath()), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return ProblemResponses.of(ProblemDetail.validation(ValidationMessages.summary(errors), errors), uriInfo);
    }

    private static boolean isRequiredBody(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor() != null
                && violation.getConstraintDescriptor().getAnnotation().annotationType() == RequiredBody.class;
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * Turns {@code create.request.lines[0].quantity} into {@code lines[0].quantity}: the method and
     * parameter nodes mean nothing to a client, except when the parameter itself is the invalid value.
     */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        String parameterName = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> { }
                case PARAMETER -> parameterName = node.getName();
                default -> {
                    if (node.isInIterable()) {
                        field.append(node.getIndex() != null ? "[" + node.getIndex() + "]"
                                : node.getKey() != null ? "[" + node.getKey() + "]" : "[]");
                    }
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        if (!field.isEmpty()) {
                            field.append('.');
                        }
                        field.append(node.getName());
                    }
                }
            }
        }
        if (field.isEmpty()) {
            return parameterName != null ? parameterName : "body";
        }
        return field.toString();
    }
}
