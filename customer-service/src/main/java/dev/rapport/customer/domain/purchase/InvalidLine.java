package dev.rapport.customer.domain.purchase;

import java.util.Objects;

/**
 * One invalid field of one line of a purchase: {@code index} in the lines as given (from 0),
 * {@code field} within the line ({@code quantity}; empty when the line as a whole is invalid).
 */
public record InvalidLine(int index, String field, String message) {

    public InvalidLine {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
    }
}
