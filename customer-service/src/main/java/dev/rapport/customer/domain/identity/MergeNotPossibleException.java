package dev.rapport.customer.domain.identity;

import dev.rapport.customer.domain.customer.CustomerId;

import java.util.List;

import dev.rapport.kernel.DomainException;
import dev.rapport.kernel.FieldViolation;

/** The two customers cannot be merged as asked (a customer into itself, or the result breaks a limit). */
public class MergeNotPossibleException extends DomainException {

    private final List<FieldViolation> violations;

    public MergeNotPossibleException(String message, List<FieldViolation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    public static MergeNotPossibleException intoItself(CustomerId id) {
        return new MergeNotPossibleException("Customer " + id + " cannot be merged into itself",
                List.of(new FieldViolation("duplicateId", "must not be the survivor itself")));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
