package dev.rapport.customer.domain.customer;

import java.util.regex.Pattern;

import dev.rapport.kernel.InvalidValueException;

/** The code a referred customer signed up with; loyalty-service credits the referrer from the event. */
public record ReferralCode(String value) {

    public static final int MAX_LENGTH = 50;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");

    public ReferralCode {
        value = value == null ? null : value.strip();
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new InvalidValueException("must be 1 to " + MAX_LENGTH + " letters, digits, _ or -");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
