package dev.rapport.customer.domain.engagement;

import dev.rapport.kernel.InvalidValueException;

/** A client's key that makes a retried write safe: 1 to 100 visible ASCII characters. */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 100;

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidValueException("must be 1 to " + MAX_LENGTH + " visible ASCII characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
