package dev.rapport.kernel;

/**
 * A single value is invalid. Value objects throw it from their constructors; {@link Violations}
 * catches it and attaches the field name.
 */
public class InvalidValueException extends DomainException {

    public InvalidValueException(String message) {
        super(message);
    }
}
