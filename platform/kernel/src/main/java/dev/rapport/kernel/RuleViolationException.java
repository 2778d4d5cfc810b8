package dev.rapport.kernel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Well-formed input that a business rule refuses (422): a return of more than was bought, a
 * program change that would apply in the past. Like {@link ConflictException} it carries a code,
 * a title and facts, and may name the fields at fault.
 */
public class RuleViolationException extends DomainException {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final String code;
    private final String title;
    private final List<FieldViolation> violations;
    private final Map<String, Object> facts;

    public RuleViolationException(String code, String title, String detail) {
        this(code, title, detail, List.of(), Map.of());
    }

    public RuleViolationException(String code, String title, String detail,
                                  List<FieldViolation> violations, Map<String, ?> facts) {
        super(detail);
        this.code = checkedCode(code);
        this.title = title;
        this.violations = List.copyOf(violations);
        this.facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    static String checkedCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a problem code is kebab case, e.g. insufficient-points: " + code);
        }
        return code;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    public Map<String, Object> facts() {
        return facts;
    }
}
