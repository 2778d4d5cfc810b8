package dev.rapport.customer.domain.customer;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.rapport.kernel.InvalidValueException;
import dev.rapport.kernel.Texts;

/** A label on a customer: trimmed, lower-case, inner whitespace collapsed, so "VIP " and "vip" are one tag. */
public record Tag(String value) implements Comparable<Tag> {

    public static final int MAX_LENGTH = 50;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.:/-]*");

    public Tag {
        value = Texts.required(value, MAX_LENGTH).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (!ALLOWED.matcher(value).matches()) {
            throw new InvalidValueException("must start with a letter or digit and contain only letters, digits, "
                    + "spaces and _ . : / -");
        }
    }

    @Override
    public int compareTo(Tag other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
