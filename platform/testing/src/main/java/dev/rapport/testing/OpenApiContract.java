package dev.rapport.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every service's own OpenAPI document promises partners, checked the same way everywhere:
 * <ul>
 * <li>every operation has a summary;</li>
 * <li>every response it documents has content with a schema (204 and 304 have no body);</li>
 * <li>every example (of a body, a parameter, a header or a schema) validates against its schema;</li>
 * <li>every string has a {@code maxLength} (or is an {@code enum}/{@code const}), every integer and
 * number a {@code minimum} and a {@code maximum}, every array a {@code maxItems}: the OWASP API rules
 * the gateway's merged document is linted with.</li>
 * </ul>
 * A service's test calls it against its running document and adds its own expectations:
 *
 * <pre>{@code
 * @QuarkusTest
 * class OpenApiTest {
 *     @Test
 *     void theDocumentKeepsThePlatformsPromises() {
 *         OpenApiContract.ofRunningService().assertKept();
 *     }
 * }
 * }</pre>
 */
public final class OpenApiContract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Set<String> WITHOUT_BODY = Set.of("204", "304");

    private final JsonNode document;
    private final ObjectMapper mapper = new ObjectMapper();

    private OpenApiContract(JsonNode document) {
        this.document = document;
    }

    /** The document the service under test serves at {@code /q/openapi}. */
    public static OpenApiContract ofRunningService() {
        String json = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        return of(json);
    }

    public static OpenApiContract of(String json) {
        try {
            return new OpenApiContract(new ObjectMapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new AssertionError("the OpenAPI document is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /** {@code "post /customers"}, one per documented operation. */
    public Set<String> operations() {
        Set<String> operations = new LinkedHashSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (METHODS.contains(operation.getKey())) {
                operations.add(operation.getKey() + " " + path.getKey());
            }
        }));
        return operations;
    }

    /** Fails with every broken promise listed. */
    public void assertKept() {
        assertThat(operations()).as("operations in the document").isNotEmpty();
        assertThat(violations()).as("OpenAPI promises broken").isEmpty();
    }

    /** Every broken promise, each naming where it is. */
    public List<String> violations() {
        List<String> violations = new ArrayList<>();
        checkOperations(violations);
        checkBounds(document, "#", violations);
        checkExamples(document, "#", violations);
        return violations;
    }

    private void checkOperations(List<String> violations) {
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (!METHODS.contains(entry.getKey())) {
                return;
            }
            String where = entry.getKey() + " " + path.getKey();
            JsonNode operation = entry.getValue();
            if (operation.path("summary").asText("").isBlank()) {
                violations.add(where + ": no summary");
            }
            JsonNode responses = operation.path("responses");
            if (!responses.isObject() || responses.isEmpty()) {
                violations.add(where + ": no responses");
                return;
            }
            responses.properties().forEach(response -> {
                if (WITHOUT_BODY.contains(response.getKey()) || entry.getKey().equals("head")) {
                    return;
                }
                JsonNode resolved = resolve(response.getValue());
                JsonNode content = resolved.path("content");
                if (!content.isObject() || content.isEmpty()) {
                    violations.add(where + " " + response.getKey() + ": no content");
                    return;
                }
                content.properties().forEach(media -> {
                    if (!media.getValue().has("schema")) {
                        violations.add(where + " " + response.getKey() + " " + media.getKey() + ": no schema");
                    }
                });
            });
        }));
    }

    /** Strings, integers, numbers and arrays in any schema of the document carry their bounds. */
    private void checkBounds(JsonNode node, String where, List<String> violations) {
        if (node.isObject()) {
            Set<String> types = types(node);
            boolean enumerated = node.has("enum") || node.has("const");
            if (types.contains("string") && !node.has("maxLength") && !enumerated) {
                violations.add(where + ": string without maxLength");
            }
            for (String numeric : List.of("integer", "number")) {
                if (types.contains(numeric) && !enumerated && !(bounded(node, "minimum") && bounded(node, "maximum"))) {
                    violations.add(where + ": " + numeric + " without minimum and maximum");
                }
            }
            if (types.contains("array") && !node.has("maxItems")) {
                violations.add(where + ": array without maxItems");
            }
            node.properties().forEach(field -> {
                // Examples are values, not schemas.
                if (!field.getKey().equals("example") && !field.getKey().equals("examples")) {
                    checkBounds(field.getValue(), where + "/" + field.getKey(), violations);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkBounds(node.get(i), where + "/" + i, violations);
            }
        }
    }

    private static boolean bounded(JsonNode schema, String bound) {
        return schema.has(bound) || schema.has("exclusive" + Character.toUpperCase(bound.charAt(0)) + bound.substring(1));
    }

    /**
     * Examples of media types, parameters and headers (beside a {@code schema}) and of schemas
     * themselves ({@code example}, or {@code examples} as an array in OpenAPI 3.1).
     */
    private void checkExamples(JsonNode node, String where, List<String> violations) {
        if (node.isObject()) {
            JsonNode schema = node.get("schema");
            if (schema != null && schema.isObject()) {
                if (node.has("example")) {
                    validate(node.get("example"), schema, where + "/example", violations);
                }
                JsonNode examples = node.get("examples");
                if (examples != null && examples.isObject()) {
                    examples.properties().forEach(example -> {
                        JsonNode value = resolve(example.getValue()).get("value");
                        if (value != null) {
                            validate(value, schema, where + "/examples/" + example.getKey(), violations);
                        }
                    });
                }
            } else if (isSchema(node)) {
                if (node.has("example")) {
                    validate(node.get("example"), node, where + "/example", violations);
                }
                JsonNode examples = node.get("examples");
                if (examples != null && examples.isArray()) {
                    for (int i = 0; i < examples.size(); i++) {
                        validate(examples.get(i), node, where + "/examples/" + i, violations);
                    }
                }
            }
            node.properties().forEach(field -> {
                if (!field.getKey().equals("example") && !field.getKey().equals("examples")) {
                    checkExamples(field.getValue(), where + "/" + field.getKey(), violations);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkExamples(node.get(i), where + "/" + i, violations);
            }
        }
    }

    private static boolean isSchema(JsonNode node) {
        return node.has("type") || node.has("properties") || node.has("items") || node.has("allOf")
                || node.has("anyOf") || node.has("oneOf");
    }

    private void validate(JsonNode example, JsonNode schema, String where, List<String> violations) {
        JsonNode value = example;
        // An example written as a JSON text for a structured schema is meant as that JSON.
        if (value.isTextual() && !types(resolve(schema)).contains("string") && looksLikeJson(value.textValue())) {
            try {
                value = mapper.readTree(value.textValue());
            } catch (JsonProcessingException notJson) {
                // validated as the string it is
            }
        }
        List<String> errors = new ArrayList<>();
        check(value, schema, "", errors, 0);
        errors.forEach(error -> violations.add(where + ": example " + error));
    }

    private static boolean looksLikeJson(String text) {
        String trimmed = text.strip();
        return trimmed.startsWith("{") || trimmed.startsWith("[");
    }

    /** A JSON Schema check of the keywords these documents use. */
    private void check(JsonNode value, JsonNode schemaOrRef, String at, List<String> errors, int depth) {
        if (depth > 64) {
            return;
        }
        JsonNode schema = resolve(schemaOrRef);
        String here = at.isEmpty() ? "(root)" : at;
        for (String combinator : List.of("allOf")) {
            for (JsonNode part : schema.path(combinator)) {
                check(value, part, at, errors, depth + 1);
            }
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            JsonNode parts = schema.get(combinator);
            if (parts != null && parts.isArray() && !parts.isEmpty()) {
                boolean matched = false;
                for (JsonNode part : parts) {
                    List<String> attempt = new ArrayList<>();
                    check(value, part, at, attempt, depth + 1);
                    matched |= attempt.isEmpty();
                }
                if (!matched) {
                    errors.add(here + " matches none of " + combinator);
                }
            }
        }
        Set<String> types = types(schema);
        if (!types.isEmpty() && !types.contains(typeOf(value)) && !(typeOf(value).equals("integer") && types.contains("number"))) {
            errors.add(here + " is " + typeOf(value) + ", the schema says " + types);
            return;
        }
        JsonNode allowed = schema.get("enum");
        if (allowed != null && allowed.isArray()) {
            boolean listed = false;
            for (JsonNode candidate : allowed) {
                listed |= candidate.equals(value);
            }
            if (!listed) {
                errors.add(here + " = " + value + " is not one of " + allowed);
            }
        }
        if (value.isTextual()) {
            String text = value.textValue();
            int length = text.codePointCount(0, text.length());
            if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
                errors.add(here + " is longer than maxLength " + schema.get("maxLength"));
            }
            if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
                errors.add(here + " is shorter than minLength " + schema.get("minLength"));
            }
            if (schema.has("pattern")) {
                try {
                    if (!Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
                        errors.add(here + " = \"" + text + "\" does not match " + schema.get("pattern").asText());
                    }
                } catch (PatternSyntaxException e) {
                    errors.add(here + ": the pattern " + schema.get("pattern") + " is not a regular expression");
                }
            }
        }
        if (value.isNumber()) {
            double number = value.asDouble();
            if (schema.has("maximum") && number > schema.get("maximum").asDouble()) {
                errors.add(here + " = " + value + " is above maximum " + schema.get("maximum"));
            }
            if (schema.has("minimum") && number < schema.get("minimum").asDouble()) {
                errors.add(here + " = " + value + " is below minimum " + schema.get("minimum"));
            }
        }
        if (value.isArray()) {
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                errors.add(here + " has more items than maxItems " + schema.get("maxItems"));
            }
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                errors.add(here + " has fewer items than minItems " + schema.get("minItems"));
            }
            JsonNode items = schema.get("items");
            if (items != null && items.isObject()) {
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), items, at + "[" + i + "]", errors, depth + 1);
                }
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    errors.add(here + " lacks required " + required.asText());
                }
            }
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.get("additionalProperties");
            Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String path = at.isEmpty() ? field.getKey() : at + "." + field.getKey();
                if (properties.has(field.getKey())) {
                    check(field.getValue(), properties.get(field.getKey()), path, errors, depth + 1);
                } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                    errors.add(path + " is not a property of the schema");
                } else if (additional != null && additional.isObject()) {
                    check(field.getValue(), additional, path, errors, depth + 1);
                }
            }
        }
    }

    private static String typeOf(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()))) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        return value.isArray() ? "array" : "object";
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            types.add(type.asText());
        } else if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        }
        if (schema.path("nullable").asBoolean(false)) {
            types.add("null");
        }
        return types;
    }

    /** Follows a local {@code $ref} ({@code #/components/...}); anything else is returned as is. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 16 && current != null && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return current;
            }
            JsonNode target = document.at(ref.substring(1));
            if (target.isMissingNode()) {
                return current;
            }
            current = target;
        }
        return current;
    }
}
