package dev.rapport.http;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;

/**
 * Marks a resource method's entity parameter as required. JAX-RS hands a missing or empty body to the
 * method as {@code null}; with this annotation the request is answered 400 before the method runs,
 * with one field error {@code body: is required}, the same in every service.
 */
@Documented
@NotNull
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target(PARAMETER)
@Retention(RUNTIME)
public @interface RequiredBody {

    String message() default "is required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
