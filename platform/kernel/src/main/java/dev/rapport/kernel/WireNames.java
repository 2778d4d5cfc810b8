package dev.rapport.kernel;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Enums whose JSON and event value is the lower-case constant name ({@code GRANTED} is "granted").
 * Parsing is exact: "Granted" is refused like any unknown value, so stored values have one spelling.
 */
public final class WireNames {

    private WireNames() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidValueException naming the allowed values when {@code raw} is none of them */
    public static <E extends Enum<E>> E parse(Class<E> type, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("must not be blank; one of " + allowed(type));
        }
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(raw)) {
                return constant;
            }
        }
        throw new InvalidValueException("must be one of " + allowed(type));
    }

    public static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireNames::of)
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
