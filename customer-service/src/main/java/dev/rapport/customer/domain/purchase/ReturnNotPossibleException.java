package dev.rapport.customer.domain.purchase;

import java.util.List;

import dev.rapport.kernel.DomainException;
import dev.rapport.kernel.FieldViolation;

/**
 * The return is well-formed but the purchase does not allow it: more units than remain, a SKU the
 * purchase does not have, nothing left to return.
 */
public class ReturnNotPossibleException extends DomainException {

    private final List<FieldViolation> violations;

    public ReturnNotPossibleException(String detail, List<FieldViolation> violations) {
        super(detail);
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
