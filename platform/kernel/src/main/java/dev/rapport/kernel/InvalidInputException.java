package dev.rapport.kernel;

import java.util.List;

/** Input breaks one or more rules; every violated field is listed so a client can fix all at once. */
public class InvalidInputException extends DomainException {

    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(violations.size() == 1
                ? violations.getFirst().field() + " " + violations.getFirst().message()
                : violations.size() + " fields are invalid");
        this.violations = List.copyOf(violations);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
