package dev.rapport.feedback.application.port.in.feedback;

import java.util.UUID;

/**
 * Raw input of a feedback; validated by the domain. {@code idempotencyKey} (optional, 1-100 visible ASCII
 * characters): a retry with the same key and the same input returns the feedback stored the first time.
 */
public record SubmitFeedbackCommand(UUID customerId, String channel, Integer rating, String text, String language,
                                    String idempotencyKey) {

    /** What must match for a retry with the same Idempotency-Key: a SHA-256 of the input, never the text itself. */
    public String fingerprint() {
        String input = customerId + "\u0000" + channel + "\u0000" + rating + "\u0000" + language + "\u0000"
                + (text == null ? "" : text.strip());
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
