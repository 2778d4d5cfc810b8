package dev.rapport.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data before it reaches a log line: logs are copied, shipped and kept far longer
 * than the records they mention, and an erased customer must not live on in them.
 * <ul>
 *   <li>{@code email("ada@example.com")} → {@code "a***@example.com"} (the domain helps support, the
 *       person stays unnamed);</li>
 *   <li>{@code phone("+442079460958")} → {@code "+44********58"} (country code and last two digits);</li>
 *   <li>{@code scrub(text)} masks every e-mail address and phone-like digit run inside free text, for
 *       messages that come from elsewhere (a driver's error detail, a partner's payload).</li>
 * </ul>
 * {@code null} stays {@code null}. Shared mechanics only, no business rules.
 */
public final class LogMasking {

    private static final String STARS = "***";
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*)");
    /**
     * International numbers ({@code +} then digits, maybe grouped), bare runs of 9-15 digits, and the
     * national "(415) 555-2671" shape. Dates ("2024-05-01") and short ids stay readable.
     */
    private static final Pattern PHONE = Pattern.compile(
            "\\+\\d[\\d ().-]{5,}\\d|(?<![\\w-])\\d{9,15}(?![\\w-])|\\(?\\b\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4}\\b");

    private LogMasking() {
    }

    /** Keeps the first character of the local part and the domain: {@code a***@example.com}. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            return STARS;
        }
        return email.charAt(0) + STARS + email.substring(at);
    }

    /**
     * Keeps a leading {@code +} with the next two digits and the last two digits, masking each
     * character in between: {@code +44********58}. Short values are masked completely.
     */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String trimmed = phone.strip();
        int head = trimmed.startsWith("+") ? 3 : 0;
        int tail = 2;
        if (trimmed.length() < head + tail + 4) {
            return "*".repeat(Math.max(trimmed.length(), 3));
        }
        return trimmed.substring(0, head) + "*".repeat(trimmed.length() - head - tail)
                + trimmed.substring(trimmed.length() - tail);
    }

    /** Masks every e-mail address and phone-like number in {@code text}; the rest stays readable. */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String withoutEmails = replace(EMAIL.matcher(text), m -> email(m.group()));
        return replace(PHONE.matcher(withoutEmails), m -> phone(m.group()));
    }

    private static String replace(Matcher matcher, java.util.function.Function<Matcher, String> replacement) {
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
