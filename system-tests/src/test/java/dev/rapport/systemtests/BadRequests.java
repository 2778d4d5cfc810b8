package dev.rapport.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Invalid requests for one operation, derived from its schema: what a careless or hostile client
 * sends. Each is sent with valid credentials to an existing resource, so only the input is at fault.
 */
final class BadRequests {

    /** One request; {@code invalid} ones must be refused with a 4xx problem, the others only never 5xx. */
    record Request(OpenApiDocument.Operation operation, String label, String method, String path,
                   Map<String, String> headers, byte[] body, boolean invalid) {
    }

    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1", "'); DROP TABLE customer; --", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
            "{{7*7}}", "\" onmouseover=\"alert(1)", "../../etc/passwd", "1; SELECT pg_sleep(0)");
    /** Bodies larger than any JSON route's limit (10 MB); imports have their own, far larger one. */
    static final int OVER_LIMIT = 10 * 1024 * 1024 + 1024;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final OpenApiDocument document;
    private final Fixtures fixtures;
    private final Map<String, String> auth;

    BadRequests(OpenApiDocument document, Fixtures fixtures, Map<String, String> auth) {
        this.document = document;
        this.fixtures = fixtures;
        this.auth = auth;
    }

    List<Request> invalid(OpenApiDocument.Operation op) {
        List<Request> out = new ArrayList<>();
        String path = validPath(op);
        String query = validQuery(op);
        // Path ids that are not UUIDs.
        for (JsonNode p : op.parameters("path")) {
            String name = p.path("name").asText();
            if (Fixtures.isIdParameter(name)) {
                for (String bad : List.of("not-a-uuid", "12345", "%27%20OR%201%3D1")) {
                    out.add(request(op, "path " + name + "=" + bad, validPath(op, name, bad), query,
                            validBodyBytes(op), true, null));
                }
            }
        }
        // Query parameters of the wrong type, out of bounds, unknown enum values, too long, with NUL.
        for (JsonNode p : op.parameters("query")) {
            String name = p.path("name").asText();
            JsonNode schema = document.resolve(p.path("schema"));
            for (String bad : badScalars(schema)) {
                String q = appendQuery(validQueryWithout(op, name), name, bad);
                out.add(request(op, "query " + name + "=" + abbreviate(bad), path, q, validBodyBytes(op), true, null));
            }
        }
        // Required headers left out.
        for (JsonNode h : op.parameters("header")) {
            if (h.path("required").asBoolean()) {
                Request r = request(op, "header " + h.path("name").asText() + " missing", path, query, validBodyBytes(op), true, null);
                r.headers().remove(h.path("name").asText());
                out.add(r);
            }
        }
        op.jsonBodySchema().ifPresent(schemaRef -> {
            JsonNode schema = document.resolve(schemaRef);
            ObjectNode base = validObject(schema);
            // Each required field missing.
            for (String field : required(schema)) {
                ObjectNode copy = base.deepCopy();
                copy.remove(field);
                out.add(json(op, "missing " + field, path, query, copy.toString()));
            }
            // Each field with a wrong type, past its bounds, an unknown enum value, control characters.
            schema.path("properties").fields().forEachRemaining(property -> {
                JsonNode fieldSchema = document.resolve(property.getValue());
                for (JsonNode bad : badValues(fieldSchema)) {
                    ObjectNode copy = base.deepCopy();
                    copy.set(property.getKey(), bad);
                    out.add(json(op, property.getKey() + "=" + abbreviate(bad.toString()), path, query, copy.toString()));
                }
                JsonNode items = document.resolve(fieldSchema.path("items"));
                if (items.has("properties")) {
                    ObjectNode item = validObject(items);
                    for (String field : required(items)) {
                        ObjectNode copy = base.deepCopy();
                        ObjectNode broken = item.deepCopy();
                        broken.remove(field);
                        copy.putArray(property.getKey()).add(broken);
                        out.add(json(op, property.getKey() + "[0] missing " + field, path, query, copy.toString()));
                    }
                    items.path("properties").fields().forEachRemaining(inner -> {
                        for (JsonNode bad : badValues(document.resolve(inner.getValue()))) {
                            ObjectNode copy = base.deepCopy();
                            ObjectNode broken = item.deepCopy();
                            broken.set(inner.getKey(), bad);
                            copy.putArray(property.getKey()).add(broken);
                            out.add(json(op, property.getKey() + "[0]." + inner.getKey() + "=" + abbreviate(bad.toString()),
                                    path, query, copy.toString()));
                        }
                    });
                }
            });
            out.add(json(op, "malformed JSON", path, query, "{\"a\": "));
            if (op.bodyRequired()) {
                out.add(json(op, "empty body", path, query, ""));
            }
            out.add(json(op, "array for object", path, query, "[" + base + "]"));
            out.add(json(op, "string for object", path, query, "\"text\""));
            out.add(request(op, "wrong content type", path, query, base.toString().getBytes(StandardCharsets.UTF_8), true, "text/plain"));
        });
        return out;
    }

    /** A body past the route's limit (one operation per route is enough: the gateway checks it per route). */
    Request overLimit(OpenApiDocument.Operation op) {
        byte[] body = new byte[OVER_LIMIT];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        return request(op, "body over the route limit", validPath(op), validQuery(op), body, true, "application/json");
    }

    /** Injection strings in every text field of a valid body: data, never code; at most refused, never 5xx. */
    List<Request> injections(OpenApiDocument.Operation op, int[] next) {
        List<Request> out = new ArrayList<>();
        if (op.method().equals("DELETE")) {
            return out; // would remove the fixture the other requests need
        }
        op.jsonBodySchema().ifPresent(schemaRef -> {
            JsonNode schema = document.resolve(schemaRef);
            ObjectNode base = validObject(schema);
            schema.path("properties").fields().forEachRemaining(property -> {
                JsonNode fieldSchema = document.resolve(property.getValue());
                if (types(fieldSchema).contains("string") && !fieldSchema.has("enum") && !fieldSchema.has("format")) {
                    String injection = INJECTIONS.get(next[0]++ % INJECTIONS.size());
                    ObjectNode copy = base.deepCopy();
                    copy.put(property.getKey(), injection);
                    out.add(request(op, property.getKey() + "=" + injection, validPath(op), validQuery(op),
                            copy.toString().getBytes(StandardCharsets.UTF_8), false, "application/json"));
                }
            });
        });
        for (JsonNode p : op.parameters("query")) {
            JsonNode schema = document.resolve(p.path("schema"));
            if (types(schema).contains("string") && !schema.has("enum") && !schema.has("format")) {
                String injection = INJECTIONS.get(next[0]++ % INJECTIONS.size());
                String name = p.path("name").asText();
                out.add(request(op, "query " + name + "=" + injection, validPath(op),
                        appendQuery(validQueryWithout(op, name), name, URLEncoder.encode(injection, StandardCharsets.UTF_8)),
                        validBodyBytes(op), false, null));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ valid parts

    String validPath(OpenApiDocument.Operation op) {
        return validPath(op, null, null);
    }

    /** The path with a valid value for each parameter but {@code replaced}, which gets {@code value}. */
    private String validPath(OpenApiDocument.Operation op, String replaced, String value) {
        String path = op.path();
        for (JsonNode p : op.parameters("path")) {
            String name = p.path("name").asText();
            path = path.replace("{" + name + "}", name.equals(replaced) ? value
                    : fixtures.pathValue(op.path(), name, document.resolve(p.path("schema"))));
        }
        return path;
    }

    private String validQuery(OpenApiDocument.Operation op) {
        return validQueryWithout(op, null);
    }

    /** Required query parameters only (e.g. the import's format), each with a valid value. */
    private String validQueryWithout(OpenApiDocument.Operation op, String left) {
        String query = "";
        for (JsonNode p : op.parameters("query")) {
            String name = p.path("name").asText();
            if (p.path("required").asBoolean() && !name.equals(left)) {
                JsonNode value = sample(document.resolve(p.path("schema")));
                query = appendQuery(query, name, URLEncoder.encode(value.asText(), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private byte[] validBodyBytes(OpenApiDocument.Operation op) {
        return op.jsonBodySchema().map(s -> validObject(document.resolve(s)).toString().getBytes(StandardCharsets.UTF_8))
                .orElse(op.requestContentTypes().isEmpty() ? null : "id\nX\n".getBytes(StandardCharsets.UTF_8));
    }

    /** The required properties with valid values. */
    ObjectNode validObject(JsonNode schema) {
        ObjectNode node = NODES.objectNode();
        for (String field : required(schema)) {
            node.set(field, sample(document.resolve(schema.path("properties").path(field))));
        }
        return node;
    }

    JsonNode sample(JsonNode schema) {
        if (schema.has("examples") && schema.get("examples").size() > 0) {
            return schema.get("examples").get(0);
        }
        if (schema.has("enum")) {
            for (JsonNode value : schema.get("enum")) {
                if (!value.isNull()) {
                    return value;
                }
            }
        }
        for (String combiner : List.of("anyOf", "oneOf", "allOf")) {
            for (JsonNode branch : schema.path(combiner)) {
                JsonNode resolved = document.resolve(branch);
                if (!types(resolved).contains("null")) {
                    return sample(resolved);
                }
            }
        }
        List<String> types = types(schema);
        String format = schema.path("format").asText("");
        if (types.contains("string") || types.isEmpty() && !format.isEmpty()) {
            return switch (format) {
                case "uuid" -> NODES.textNode(fixtures.ids.get("customer"));
                case "date-time" -> NODES.textNode(Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
                case "date" -> NODES.textNode(java.time.LocalDate.now().toString());
                default -> NODES.textNode("sample");
            };
        }
        if (types.contains("integer") || types.contains("number")) {
            long min = schema.has("minimum") ? schema.get("minimum").asLong() : 1;
            return NODES.numberNode(Math.max(min, 1));
        }
        if (types.contains("boolean")) {
            return NODES.booleanNode(true);
        }
        if (types.contains("array")) {
            ArrayNode array = NODES.arrayNode();
            array.add(sample(document.resolve(schema.path("items"))));
            return array;
        }
        if (types.contains("object") || schema.has("properties")) {
            return validObject(schema);
        }
        return NODES.textNode("sample");
    }

    // ------------------------------------------------------------------ invalid values

    /** Invalid JSON values for a property, by its schema. */
    List<JsonNode> badValues(JsonNode schema) {
        List<JsonNode> bad = new ArrayList<>();
        List<String> types = types(schema);
        if (types.isEmpty()) {
            return bad;
        }
        // A type the schema does not allow.
        if (!types.contains("boolean")) {
            bad.add(NODES.booleanNode(true));
        }
        if (!types.contains("object")) {
            bad.add(NODES.objectNode().put("nested", "object"));
        }
        if (!types.contains("string") && !types.contains("array")) {
            bad.add(NODES.textNode("not a number"));
        }
        if (types.contains("string") && !types.contains("number") && !types.contains("integer")) {
            bad.add(NODES.numberNode(12345));
            if (schema.has("enum")) {
                bad.add(NODES.textNode("not-a-known-value"));
            } else {
                long max = schema.path("maxLength").asLong(0);
                if (max > 0 && max <= 100_000) {
                    bad.add(NODES.textNode("a".repeat((int) max + 1)));
                }
                bad.add(NODES.textNode("a\u0000b"));
                if (schema.has("format")) {
                    bad.add(NODES.textNode("not-a-" + schema.get("format").asText()));
                }
            }
        }
        if (types.contains("integer") || types.contains("number")) {
            if (schema.has("maximum")) {
                bad.add(NODES.numberNode(new java.math.BigDecimal(schema.get("maximum").asText()).add(java.math.BigDecimal.ONE)));
            }
            if (schema.has("minimum")) {
                bad.add(NODES.numberNode(new java.math.BigDecimal(schema.get("minimum").asText()).subtract(java.math.BigDecimal.ONE)));
            }
            if (types.contains("integer")) {
                bad.add(NODES.numberNode(new java.math.BigDecimal("1.5")));
                bad.add(NODES.numberNode(new java.math.BigInteger("99999999999999999999999")));
            }
        }
        if (types.contains("array") && schema.has("maxItems") && schema.get("maxItems").asInt() < 1000) {
            ArrayNode many = NODES.arrayNode();
            JsonNode item = sample(document.resolve(schema.path("items")));
            for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                many.add(item.isTextual() ? NODES.textNode(item.asText() + i) : item); // distinct: duplicates may collapse
            }
            bad.add(many);
        }
        return bad;
    }

    /** Invalid query values (already URL-encoded) for a parameter, by its schema. */
    private List<String> badScalars(JsonNode schema) {
        List<String> bad = new ArrayList<>();
        List<String> types = types(schema);
        if (types.contains("integer") || types.contains("number")) {
            bad.add("abc");
            if (schema.has("maximum")) {
                bad.add(new java.math.BigDecimal(schema.get("maximum").asText()).add(java.math.BigDecimal.ONE).toPlainString());
            }
            if (schema.has("minimum")) {
                bad.add(new java.math.BigDecimal(schema.get("minimum").asText()).subtract(java.math.BigDecimal.ONE).toPlainString());
            }
        } else if (types.contains("boolean")) {
            bad.add("maybe");
        } else if (schema.has("enum")) {
            bad.add("not-a-known-value");
        } else if (types.contains("string")) {
            String format = schema.path("format").asText("");
            if (!format.isEmpty()) {
                bad.add("not-a-" + format);
            }
            long max = schema.path("maxLength").asLong(0);
            if (max > 0 && max <= 3000) {
                bad.add("a".repeat((int) max + 1));
            }
        }
        return bad;
    }

    // ------------------------------------------------------------------ helpers

    private Request json(OpenApiDocument.Operation op, String label, String path, String query, String body) {
        return request(op, label, path, query, body.getBytes(StandardCharsets.UTF_8), true, "application/json");
    }

    private Request request(OpenApiDocument.Operation op, String label, String path, String query, byte[] body,
                            boolean invalid, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>(auth);
        headers.put("Accept", "application/json, application/problem+json");
        for (JsonNode h : op.parameters("header")) {
            if (h.path("required").asBoolean()) {
                headers.put(h.path("name").asText(), UUID.randomUUID().toString());
            }
        }
        String type = contentType;
        if (type == null && body != null) {
            type = op.requestContentTypes().contains("application/json") ? "application/json"
                    : op.requestContentTypes().stream().findFirst().orElse("application/json");
        }
        if (type != null && body != null) {
            headers.put("Content-Type", type);
        }
        return new Request(op, label, op.method(), path + (query.isEmpty() ? "" : "?" + query), headers, body, invalid);
    }

    static List<String> types(JsonNode schema) {
        List<String> types = new ArrayList<>();
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else {
            type.forEach(t -> types.add(t.asText()));
        }
        return types;
    }

    static List<String> required(JsonNode schema) {
        List<String> names = new ArrayList<>();
        for (Iterator<JsonNode> it = schema.path("required").elements(); it.hasNext(); ) {
            names.add(it.next().asText());
        }
        return names;
    }

    private static String appendQuery(String query, String name, String encodedValue) {
        return (query.isEmpty() ? "" : query + "&") + name + "=" + encodedValue;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }
}
