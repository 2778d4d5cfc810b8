package dev.rapport.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details document, rendered as {@code application/problem+json}.
 * Extension members (e.g. {@code existingCustomerId}) are written at the top level, as the RFC asks.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "status", "detail", "instance", "errors" })
@Schema(name = "ProblemDetail", description = "RFC 9457 problem details; extension members may appear at the top level",
        additionalProperties = Schema.True.class)
public record ProblemDetail(
        @Schema(description = "URI identifying the problem type", maxLength = 256, format = "uri", examples = "https://rapport.dev/problems/validation")
        String type,
        @Schema(description = "Short, human-readable summary of the problem type", maxLength = 200, examples = "Invalid request")
        String title,
        @Schema(description = "HTTP status code", minimum = "100", maximum = "599", examples = "400")
        int status,
        @Schema(description = "Explanation specific to this occurrence", maxLength = 4096, examples = "2 fields are invalid")
        String detail,
        @Schema(description = "URI reference of this occurrence (the request path)", maxLength = 4096, examples = "/customers")
        String instance,
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Schema(description = "Invalid fields, for validation problems", maxItems = 1000)
        List<FieldError> errors,
        @JsonIgnore
        @Schema(hidden = true)
        Map<String, Object> extensions) {

    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Set<String> RESERVED =
            Set.of("type", "title", "status", "detail", "instance", "errors");

    public ProblemDetail {
        type = type == null || type.isBlank() ? ProblemTypes.ABOUT_BLANK : type;
        errors = errors == null ? List.of() : List.copyOf(errors);
        extensions = extensions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
        for (String key : extensions.keySet()) {
            if (RESERVED.contains(key)) {
                throw new IllegalArgumentException("extension member clashes with a standard member: " + key);
            }
        }
    }

    public static ProblemDetail of(int status, String type, String title, String detail) {
        return new ProblemDetail(type, title, status, detail, null, List.of(), Map.of());
    }

    public static ProblemDetail validation(String detail, List<FieldError> errors) {
        return new ProblemDetail(ProblemTypes.VALIDATION, "Invalid request", 400, detail, null, errors, Map.of());
    }

    public ProblemDetail withInstance(String newInstance) {
        return new ProblemDetail(type, title, status, detail, newInstance, errors, extensions);
    }

    public ProblemDetail withExtension(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(extensions);
        copy.put(name, value);
        return new ProblemDetail(type, title, status, detail, instance, errors, copy);
    }

    /** Serialises the extension members beside the standard ones. */
    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return extensions;
    }
}
