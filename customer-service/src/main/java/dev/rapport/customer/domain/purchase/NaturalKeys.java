package dev.rapport.customer.domain.purchase;

import java.util.regex.Pattern;

import dev.rapport.kernel.InvalidValueException;

/** Shape of client-chosen keys that also appear in URLs (order ids, return keys). */
final class NaturalKeys {

    static final int MAX_LENGTH = 100;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0," + (MAX_LENGTH - 1) + "}");

    private NaturalKeys() {
    }

    static String check(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("must not be blank");
        }
        String value = raw.strip();
        if (!ALLOWED.matcher(value).matches()) {
            throw new InvalidValueException("must be 1 to " + MAX_LENGTH
                    + " letters, digits, . _ : or -, starting with a letter or digit");
        }
        return value;
    }
}
