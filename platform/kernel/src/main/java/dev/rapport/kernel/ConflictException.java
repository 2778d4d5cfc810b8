package dev.rapport.kernel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request is valid but clashes with the current state (409): an invalid state transition, a
 * reused idempotency key, not enough points. {@code code} names the clash in kebab case
 * ("insufficient-points") and becomes the problem type; {@code facts} are values that help the
 * client recover ("available": 120) and become problem extensions.
 */
public class ConflictException extends DomainException {

    private final String code;
    private final String title;
    private final Map<String, Object> facts;

    public ConflictException(String code, String title, String detail) {
        this(code, title, detail, Map.of());
    }

    public ConflictException(String code, String title, String detail, Map<String, ?> facts) {
        super(detail);
        this.code = RuleViolationException.checkedCode(code);
        this.title = title;
        this.facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> facts() {
        return facts;
    }
}
