package dev.rapport.http.json;

/**
 * What any text a client sends must be before it reaches a domain or SQL: PostgreSQL refuses
 * U+0000 in text, and a lone UTF-16 surrogate (JSON {@code "\ud800"}) has no UTF-8 form, so it
 * would be stored as {@code ?} after being answered as sent.
 */
public final class InputTexts {

    private InputTexts() {
    }

    /** Why {@code text} cannot be taken, or {@code null} when it can. */
    public static String defect(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain NUL (U+0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode text (a lone surrogate such as \\ud800 has no character)";
            }
        }
        return null;
    }
}
