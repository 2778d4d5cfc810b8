package dev.rapport.http.mappers;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import dev.rapport.http.FieldError;
import dev.rapport.http.ProblemDetail;
import dev.rapport.http.ProblemTypes;
import dev.rapport.http.json.InvalidInputValueException;

/**
 * Translates Jackson's read failures into problems a client can act on: which field, what was
 * expected. Never echoes Jackson's own message, which names Java classes.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    /** {@code null} when the failure is not the client's fault (a serialisation or definition error). */
    static ProblemDetail toProblem(JsonProcessingException exception, ObjectMapper mapper) {
        if (exception instanceof InvalidDefinitionException) {
            return null;
        }
        if (exception instanceof JsonMappingException mapping) {
            if (!(mapping.getProcessor() instanceof JsonParser) && mapping.getProcessor() != null) {
                return null; // thrown while writing a response
            }
            if (mapping instanceof MismatchedInputException || mapping instanceof ValueInstantiationException
                    || !mapping.getPath().isEmpty()) {
                FieldError error = new FieldError(path(mapping), message(mapping, mapper));
                return ProblemDetail.validation(ValidationMessages.summary(List.of(error)), List.of(error));
            }
        }
        return malformed(exception);
    }

    static ProblemDetail malformed(JsonProcessingException exception) {
        StringBuilder detail = new StringBuilder("Request body is not valid JSON");
        JsonLocation location = exception.getLocation();
        if (location != null && location.getLineNr() > 0) {
            detail.append(" (line ").append(location.getLineNr()).append(", column ")
                    .append(location.getColumnNr()).append(')');
        }
        String original = exception.getOriginalMessage();
        if (original != null && !original.isBlank()) {
            detail.append(": ").append(firstLine(original));
        }
        return ProblemDetail.of(400, ProblemTypes.MALFORMED_REQUEST, "Malformed request body", detail.toString());
    }

    static String path(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String message(JsonMappingException exception, ObjectMapper mapper) {
        if (exception instanceof InvalidInputValueException invalid) {
            return invalid.clientMessage();
        }
        if (exception instanceof UnrecognizedPropertyException) {
            return "is not a known property";
        }
        if (exception instanceof InvalidNullException) {
            return "must not be null";
        }
        if (exception instanceof ValueInstantiationException instantiation) {
            Throwable cause = instantiation.getCause();
            return cause instanceof IllegalArgumentException && cause.getMessage() != null
                    ? cause.getMessage() : "is invalid";
        }
        if (exception instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return expectation(mismatch.getTargetType(), mapper);
        }
        return "is invalid";
    }

    static String expectation(Class<?> type, ObjectMapper mapper) {
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> wireName(constant, mapper))
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "must be a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "must be an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == LocalDate.class) {
            return "must be a date (YYYY-MM-DD)";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "must be an ISO-8601 timestamp with offset (2024-01-31T10:15:30Z)";
        }
        if (type == LocalDateTime.class || type == LocalTime.class) {
            return "must be an ISO-8601 " + (type == LocalTime.class ? "time" : "date-time");
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.isPrimitive()) {
            return "must be an object";
        }
        return "is invalid";
    }

    private static String wireName(Object constant, ObjectMapper mapper) {
        try {
            return mapper.convertValue(constant, String.class);
        } catch (IllegalArgumentException e) {
            return ((Enum<?>) constant).name();
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
