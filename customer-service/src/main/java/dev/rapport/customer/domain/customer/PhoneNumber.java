package dev.rapport.customer.domain.customer;

import java.util.regex.Pattern;

import dev.rapport.kernel.InvalidValueException;

/**
 * A phone number in E.164 form ({@code +442079460958}). Turning what people type into this form
 * needs numbering-plan data, which lives behind the {@code PhoneNumberNormaliser} port; this type
 * only guarantees the result has the E.164 shape.
 */
public record PhoneNumber(String e164) {

    /** "+" and at most 15 digits. */
    public static final int MAX_LENGTH = 16;
    /** What people type, before normalising: longer input is refused. */
    public static final int INPUT_MAX_LENGTH = 40;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public PhoneNumber {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new InvalidValueException("must be a phone number in E.164 form like +14155552671");
        }
    }

    @Override
    public String toString() {
        return e164;
    }
}
