package dev.rapport.http;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One invalid input value. {@code field} is the JSON path of the value as the client sent it
 * ({@code email}, {@code lines[2].quantity}), or the query/header parameter name.
 */
@Schema(name = "FieldError", description = "One invalid input value")
public record FieldError(
        @Schema(description = "JSON path or parameter name", maxLength = 512, examples = "lines[0].quantity") String field,
        @Schema(description = "What is wrong, for a human", maxLength = 1024, examples = "must be greater than 0") String message) {

    public FieldError {
        field = field == null || field.isBlank() ? "body" : field;
        message = message == null ? "is invalid" : message;
    }
}
