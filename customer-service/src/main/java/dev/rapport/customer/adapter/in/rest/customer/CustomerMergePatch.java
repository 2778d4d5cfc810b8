package dev.rapport.customer.adapter.in.rest.customer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.customer.application.port.in.customer.CustomerChanges;
import dev.rapport.kernel.change.MapPatch;
import dev.rapport.http.FieldError;
import dev.rapport.http.json.InputTexts;
import dev.rapport.http.ProblemException;

/**
 * Reads a JSON merge patch (RFC 7396) of a customer into {@link CustomerChanges}: a member that is
 * absent stays, {@code null} removes, objects (preferences, attributes) merge member by member,
 * arrays (tags) replace. Only the JSON shape is checked here; the values are the domain's business.
 */
final class CustomerMergePatch {

    private static final Set<String> READ_ONLY = Set.of("id", "referralCode", "createdAt", "updatedAt", "version");

    private CustomerMergePatch() {
    }

    static CustomerChanges parse(JsonNode patch) {
        if (patch == null || patch.isMissingNode() || patch.isNull()) {
            throw ProblemException.badRequest("body", "must be a JSON object (a merge patch)");
        }
        if (!patch.isObject()) {
            throw ProblemException.badRequest("body", "must be a JSON object (a merge patch)");
        }
        CustomerChanges.Builder changes = CustomerChanges.builder();
        List<FieldError> errors = new ArrayList<>();
        patch.properties().forEach(member -> {
            String name = member.getKey();
            JsonNode value = member.getValue();
            switch (name) {
                case "externalId" -> text(name, value, errors, changes::externalId);
                case "firstName" -> text(name, value, errors, changes::firstName);
                case "lastName" -> text(name, value, errors, changes::lastName);
                case "email" -> text(name, value, errors, changes::email);
                case "phone" -> text(name, value, errors, changes::phone);
                case "company" -> text(name, value, errors, changes::company);
                case "jobTitle" -> text(name, value, errors, changes::jobTitle);
                case "acquisitionChannel" -> text(name, value, errors, changes::acquisitionChannel);
                case "preferences" -> map(name, value, errors, changes::preferences);
                case "attributes" -> map(name, value, errors, changes::attributes);
                case "tags" -> tags(value, errors, changes);
                case "birthday" -> birthday(value, errors, changes);
                default -> errors.add(new FieldError(name,
                        READ_ONLY.contains(name) ? "is read-only" : "is not a known property"));
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() == 1
                    ? errors.getFirst().field() + " " + errors.getFirst().message()
                    : errors.size() + " fields are invalid", errors);
        }
        return changes.build();
    }

    private static void text(String name, JsonNode value, List<FieldError> errors, Consumer<String> apply) {
        if (value.isNull()) {
            apply.accept(null);
        } else if (value.isTextual()) {
            if (acceptable(name, value.textValue(), errors)) {
                apply.accept(value.textValue());
            }
        } else {
            errors.add(new FieldError(name, "must be a string or null"));
        }
    }

    /** The body is read as a tree, which Jackson's text checks do not see: the same rule by hand. */
    private static boolean acceptable(String field, String text, List<FieldError> errors) {
        String defect = InputTexts.defect(text);
        if (defect != null) {
            errors.add(new FieldError(field, defect));
        }
        return defect == null;
    }

    private static void map(String name, JsonNode value, List<FieldError> errors, Consumer<MapPatch> apply) {
        if (value.isNull()) {
            apply.accept(null);
            return;
        }
        if (!value.isObject()) {
            errors.add(new FieldError(name, "must be an object or null"));
            return;
        }
        Map<String, String> put = new HashMap<>();
        Set<String> remove = new HashSet<>();
        value.properties().forEach(entry -> {
            if (entry.getValue().isNull()) {
                remove.add(entry.getKey());
            } else if (entry.getValue().isTextual()) {
                if (acceptable(name + "." + entry.getKey(), entry.getValue().textValue(), errors)
                        && acceptable(name, entry.getKey(), errors)) {
                    put.put(entry.getKey(), entry.getValue().textValue());
                }
            } else {
                errors.add(new FieldError(name + "." + entry.getKey(), "must be a string, or null to remove it"));
            }
        });
        apply.accept(new MapPatch(put, remove));
    }

    private static void tags(JsonNode value, List<FieldError> errors, CustomerChanges.Builder changes) {
        if (value.isNull()) {
            changes.tags(null);
            return;
        }
        if (!value.isArray()) {
            errors.add(new FieldError("tags", "must be an array of strings or null"));
            return;
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode tag = value.get(i);
            if (tag.isTextual()) {
                if (acceptable("tags[" + i + "]", tag.textValue(), errors)) {
                    tags.add(tag.textValue());
                }
            } else {
                errors.add(new FieldError("tags[" + i + "]", "must be a string"));
            }
        }
        changes.tags(tags);
    }

    private static void birthday(JsonNode value, List<FieldError> errors, CustomerChanges.Builder changes) {
        if (value.isNull()) {
            changes.birthday(null);
            return;
        }
        try {
            if (!value.isTextual()) {
                throw new DateTimeParseException("not text", value.toString(), 0);
            }
            changes.birthday(LocalDate.parse(value.textValue()));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("birthday", "must be a date (YYYY-MM-DD) or null"));
        }
    }
}
