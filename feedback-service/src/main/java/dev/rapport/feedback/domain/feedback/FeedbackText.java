package dev.rapport.feedback.domain.feedback;

import dev.rapport.kernel.Texts;

/** A feedback text: trimmed, 1 to {@value #MAX_LENGTH} characters, no control characters except line breaks and tabs. */
public final class FeedbackText {

    public static final int MAX_LENGTH = 20_000;

    private FeedbackText() {
    }

    /** @throws dev.rapport.kernel.InvalidValueException when blank, too long or with control characters */
    public static String of(String raw) {
        // Line breaks and tabs are ordinary in written feedback; other control characters are not.
        String flattened = raw == null ? null : raw.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        Texts.required(flattened, MAX_LENGTH);
        return raw.strip();
    }
}
