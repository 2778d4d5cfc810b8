package dev.rapport.loyalty.domain.account;

import java.util.Locale;

/** Normal forms of contact data, so that the same person's email or phone compares equal. */
public final class Contacts {

    private Contacts() {
    }

    public static String email(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    /** Digits only, with a leading + kept: "+1 (415) 555-2671" and "+14155552671" are equal. */
    public static String phone(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String digits = raw.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return null;
        }
        return raw.strip().startsWith("+") ? "+" + digits : digits;
    }
}
