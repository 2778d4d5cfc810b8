package dev.rapport.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The gateway's merged OpenAPI document: its operations, their schemas and who may call them. */
public final class OpenApiDocument {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode root;
    private final List<Operation> operations = new ArrayList<>();

    public record Operation(String method, String path, String operationId, JsonNode node) {

        public List<JsonNode> parameters(String in) {
            List<JsonNode> result = new ArrayList<>();
            node.path("parameters").forEach(p -> {
                if (in.equals(p.path("in").asText())) {
                    result.add(p);
                }
            });
            return result;
        }

        public List<String> pathParameters() {
            List<String> names = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        /** The JSON request body schema, if the operation takes JSON. */
        public Optional<JsonNode> jsonBodySchema() {
            JsonNode content = node.path("requestBody").path("content");
            for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
                String type = it.next();
                if (type.contains("json")) {
                    return Optional.of(content.get(type).path("schema"));
                }
            }
            return Optional.empty();
        }

        public boolean bodyRequired() {
            return node.path("requestBody").path("required").asBoolean(false);
        }

        public Set<String> requestContentTypes() {
            Set<String> types = new java.util.LinkedHashSet<>();
            node.path("requestBody").path("content").fieldNames().forEachRemaining(types::add);
            return types;
        }

        public List<String> accessRoles() {
            return strings(node.path("x-rapport-access").path("roles"));
        }

        public List<String> accessScopes() {
            return strings(node.path("x-rapport-access").path("scopes"));
        }

        public boolean isRead() {
            return method.equals("GET") || method.equals("HEAD");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    public OpenApiDocument(JsonNode root) {
        this.root = root;
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(),
                        op.getValue().path("operationId").asText(op.getKey() + " " + path.getKey()), op.getValue()));
            }
        }));
    }

    public static OpenApiDocument parse(String json) {
        try {
            return new OpenApiDocument(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode root() {
        return root;
    }

    public List<Operation> operations() {
        return operations;
    }

    public Operation operation(String method, String template) {
        return operations.stream().filter(o -> o.method.equals(method) && o.path.equals(template)).findFirst()
                .orElseThrow(() -> new AssertionError("the document has no operation " + method + " " + template));
    }

    /** The operation a concrete request path is answered by: literal segments win over {parameters}. */
    public Optional<Operation> match(String method, String concretePath) {
        String path = concretePath.contains("?") ? concretePath.substring(0, concretePath.indexOf('?')) : concretePath;
        String[] segments = path.split("/", -1);
        Operation best = null;
        int bestLiterals = -1;
        for (Operation operation : operations) {
            if (!operation.method.equals(method)) {
                continue;
            }
            String[] template = operation.path.split("/", -1);
            if (template.length != segments.length) {
                continue;
            }
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < template.length && matches; i++) {
                if (template[i].startsWith("{") && template[i].endsWith("}")) {
                    matches = !segments[i].isEmpty();
                } else if (template[i].equals(segments[i])) {
                    literals++;
                } else {
                    matches = false;
                }
            }
            if (matches && literals > bestLiterals) {
                best = operation;
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Follows a {@code $ref} (local only), once or more. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 20 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#")) {
                throw new IllegalArgumentException("only local references are supported: " + ref);
            }
            current = root.at(ref.substring(1));
        }
        return current;
    }

    /** The schema with the document's components beside it, so its {@code #/components/...} references resolve. */
    public ObjectNode standalone(JsonNode schema) {
        ObjectNode copy = schema.isObject() ? ((ObjectNode) schema).deepCopy() : JSON.createObjectNode();
        copy.set("components", root.path("components"));
        return copy;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    static Map.Entry<String, JsonNode> entry(String key, JsonNode value) {
        return Map.entry(key, value);
    }
}
