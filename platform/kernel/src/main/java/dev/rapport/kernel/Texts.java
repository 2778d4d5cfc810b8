package dev.rapport.kernel;

/** Rules every free-text field shares: trimmed, blank means absent, bounded length, no control characters. */
public final class Texts {

    private Texts() {
    }

    /** Trimmed text or {@code null} when blank. */
    public static String optional(String raw, int maxLength) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        return checked(trimmed, maxLength);
    }

    public static String required(String raw, int maxLength) {
        String text = optional(raw, maxLength);
        if (text == null) {
            throw new InvalidValueException("must not be blank");
        }
        return text;
    }

    private static String checked(String text, int maxLength) {
        // A string has at least as many chars as code points: counting is needed only past the limit.
        if (text.length() > maxLength && text.codePointCount(0, text.length()) > maxLength) {
            throw new InvalidValueException("must be at most " + maxLength + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new InvalidValueException("must not contain control characters");
            }
        }
        return text;
    }
}
