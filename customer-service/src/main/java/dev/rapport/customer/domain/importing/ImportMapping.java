package dev.rapport.customer.domain.importing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rapport.kernel.InvalidInputException;
import dev.rapport.kernel.Violations;

/**
 * Which source column feeds which target field: {@code {"externalId": "cust_no", "email": "mail"}}.
 * Keys are target fields (customer fields, optionally purchase columns), values source column
 * names (CSV header) or keys (NDJSON). {@code externalId} is required: it is what makes a re-run
 * find the same customer. Purchase columns come as a set: orderId, sku, quantity, unitPrice and
 * currency are needed together; description and occurredAt are optional.
 */
public record ImportMapping(Map<String, String> targetToSource) {

    public static final Set<String> CUSTOMER_FIELDS = Set.of("externalId", "firstName", "lastName", "email",
            "phone", "company", "jobTitle", "birthday", "tags");
    public static final List<String> REQUIRED_PURCHASE_FIELDS = List.of("orderId", "sku", "quantity", "unitPrice",
            "currency");
    public static final Set<String> OPTIONAL_PURCHASE_FIELDS = Set.of("description", "occurredAt");
    public static final int MAX_SOURCE_NAME = 200;

    public ImportMapping {
        Violations violations = new Violations();
        if (targetToSource == null || targetToSource.isEmpty()) {
            throw InvalidInputException.of("mapping", "is required for this format: a JSON object from target "
                    + "field to source column, with at least externalId");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        targetToSource.forEach((target, source) -> {
            if (!CUSTOMER_FIELDS.contains(target) && !REQUIRED_PURCHASE_FIELDS.contains(target)
                    && !OPTIONAL_PURCHASE_FIELDS.contains(target)) {
                violations.add("mapping." + target, "is not a target field; known: "
                        + String.join(", ", knownFields()));
                return;
            }
            if (source == null || source.isBlank() || source.length() > MAX_SOURCE_NAME) {
                violations.add("mapping." + target, "must name a source column (1 to " + MAX_SOURCE_NAME + " characters)");
                return;
            }
            copy.put(target, source);
        });
        if (!targetToSource.containsKey("externalId")) {
            violations.add("mapping.externalId", "is required: it identifies the customer on a re-run");
        }
        boolean anyPurchase = targetToSource.keySet().stream()
                .anyMatch(t -> REQUIRED_PURCHASE_FIELDS.contains(t) || OPTIONAL_PURCHASE_FIELDS.contains(t));
        if (anyPurchase) {
            for (String required : REQUIRED_PURCHASE_FIELDS) {
                if (!targetToSource.containsKey(required)) {
                    violations.add("mapping." + required, "is required when purchase columns are mapped");
                }
            }
        }
        violations.throwIfAny();
        targetToSource = Collections.unmodifiableMap(copy);
    }

    public boolean hasPurchases() {
        return targetToSource.containsKey("orderId");
    }

    public String source(String target) {
        return targetToSource.get(target);
    }

    private static List<String> knownFields() {
        return java.util.stream.Stream.of(CUSTOMER_FIELDS, Set.copyOf(REQUIRED_PURCHASE_FIELDS), OPTIONAL_PURCHASE_FIELDS)
                .flatMap(Set::stream).sorted().toList();
    }
}
