package dev.rapport.systemtests;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Strings without a bound: every string the document describes needs maxLength or an enum (DESIGN.md). */
final class SchemaLint {

    private SchemaLint() {
    }

    static List<String> unboundedStrings(JsonNode document) {
        List<String> found = new ArrayList<>();
        walk(document.path("components").path("schemas"), "#/components/schemas", found, false);
        walk(document.path("paths"), "#/paths", found, false);
        return found;
    }

    private static void walk(JsonNode node, String pointer, List<String> found, boolean isSchema) {
        if (node.isObject()) {
            if (isSchema && BadRequests.types(node).contains("string") && !node.has("maxLength") && !node.has("enum")
                    && !node.has("const")) {
                found.add(pointer);
            }
            node.fields().forEachRemaining(field -> {
                String key = field.getKey();
                String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                boolean schemaChild = key.equals("schema") || key.equals("items") || key.equals("additionalProperties")
                        || pointer.endsWith("/properties") || pointer.equals("#/components/schemas")
                        || pointer.matches(".*/(allOf|anyOf|oneOf)/\\d+");
                if (key.equals("examples") || key.equals("example")) {
                    return;
                }
                walk(field.getValue(), child, found, schemaChild);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, found, pointer.matches(".*/(allOf|anyOf|oneOf)"));
            }
        }
    }
}
