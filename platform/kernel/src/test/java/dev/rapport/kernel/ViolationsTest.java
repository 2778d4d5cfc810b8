package dev.rapport.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ViolationsTest {

    @Test
    void collectsEveryInvalidFieldBeforeThrowing() {
        Violations violations = new Violations();
        String name = violations.check("name", () -> Texts.required("  ", 10));
        violations.optional("note", "x".repeat(11), raw -> Texts.optional(raw, 10));
        violations.add("lines[0].quantity", "must be positive");

        assertThat(name).isNull();
        assertThatThrownBy(violations::throwIfAny)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).containsExactly(
                        new FieldViolation("name", "must not be blank"),
                        new FieldViolation("note", "must be at most 10 characters"),
                        new FieldViolation("lines[0].quantity", "must be positive")));
    }

    @Test
    void nestedViolationsAreNamedUnderTheirParentField() {
        Violations violations = new Violations();
        violations.check("lines", () -> {
            throw new InvalidInputException(List.of(new FieldViolation("[2].sku", "must not be blank")));
        });
        violations.check("address", () -> {
            throw InvalidInputException.of("city", "must not be blank");
        });
        assertThat(violations.list()).extracting(FieldViolation::field).containsExactly("lines[2].sku", "address.city");
    }

    @Test
    void problemCodesAreKebabCase() {
        assertThat(new ConflictException("insufficient-points", "Insufficient points", "only 3", Map.of("available", 3))
                .facts()).containsEntry("available", 3);
        assertThatThrownBy(() -> new ConflictException("Insufficient Points", "t", "d"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RuleViolationException("", "t", "d")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wireNamesAreTheLowerCaseConstantAndParseExactly() {
        enum Level { LOW, HIGH }
        assertThat(WireNames.of(Level.HIGH)).isEqualTo("high");
        assertThat(WireNames.parse(Level.class, "low")).isEqualTo(Level.LOW);
        assertThatThrownBy(() -> WireNames.parse(Level.class, "Low"))
                .isInstanceOf(InvalidValueException.class).hasMessage("must be one of [low, high]");
    }
}
