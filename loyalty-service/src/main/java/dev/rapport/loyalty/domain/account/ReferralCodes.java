package dev.rapport.loyalty.domain.account;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Referral codes: 12 characters of a 31-letter alphabet without look-alikes (no 0/O, 1/I/L), from a
 * cryptographic random source: about 59 bits, so a code cannot be guessed or enumerated.
 */
public final class ReferralCodes {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReferralCodes() {
    }

    public static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The form codes are compared in: trimmed, upper case, without spaces or dashes. */
    public static String normalise(String raw) {
        return raw == null ? null : raw.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
    }
}
