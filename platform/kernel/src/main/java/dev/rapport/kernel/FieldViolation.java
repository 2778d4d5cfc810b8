package dev.rapport.kernel;

import java.util.Objects;

/** One input value that breaks a rule. {@code field} uses the client's JSON names ({@code lines[0].quantity}). */
public record FieldViolation(String field, String message) {

    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
