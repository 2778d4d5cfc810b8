package dev.rapport.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Collects violations while input is turned into value objects, so one request reports every
 * invalid field instead of the first.
 */
public final class Violations {

    private final List<FieldViolation> found = new ArrayList<>();

    /** Runs {@code factory}; on {@link InvalidValueException} records it under {@code field} and returns null. */
    public <T> T check(String field, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (InvalidInputException nested) {
            nested.violations().forEach(v -> found.add(new FieldViolation(join(field, v.field()), v.message())));
        } catch (InvalidValueException invalid) {
            found.add(new FieldViolation(field, invalid.getMessage()));
        }
        return null;
    }

    /** {@code null} stays null (field not given); anything else goes through {@code factory}. */
    public <R, T> T optional(String field, R raw, Function<R, T> factory) {
        return raw == null ? null : check(field, () -> factory.apply(raw));
    }

    public void add(String field, String message) {
        found.add(new FieldViolation(field, message));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<FieldViolation> list() {
        return List.copyOf(found);
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }

    private static String join(String parent, String child) {
        if (child.isEmpty()) {
            return parent;
        }
        if (parent.isEmpty()) {
            return child;
        }
        return child.startsWith("[") ? parent + child : parent + "." + child;
    }
}
