package dev.rapport.feedback.domain.feedback;

import dev.rapport.kernel.Violations;
import dev.rapport.kernel.WireNames;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One piece of feedback: who gave it, where, an optional 1-5 rating, the text and what was read in it.
 * {@code text} is null once the customer's personal data was erased; the rest stays for KPIs.
 */
public record Feedback(
        UUID id,
        UUID customerId,
        FeedbackChannel channel,
        Integer rating,
        String text,
        TextAnalysis analysis,
        Instant receivedAt,
        Instant erasedAt) {

    public Feedback {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /**
     * Validates raw input (every invalid field reported at once) and analyses the text.
     *
     * @throws dev.rapport.kernel.InvalidInputException naming each invalid field
     */
    public static Feedback receive(UUID id, UUID customerId, String channel, Integer rating, String text,
                                   String language, TextAnalyzer analyzer, Instant now) {
        Violations violations = new Violations();
        if (customerId == null) {
            violations.add("customerId", "must not be null");
        }
        FeedbackChannel parsedChannel = violations.check("channel", () -> WireNames.parse(FeedbackChannel.class, channel));
        if (rating != null && (rating < 1 || rating > 5)) {
            violations.add("rating", "must be from 1 to 5");
        }
        String parsedText = violations.check("text", () -> FeedbackText.of(text));
        Language parsedLanguage = violations.optional("language", language, l -> WireNames.parse(Language.class, l));
        violations.throwIfAny();
        TextAnalysis analysis = analyzer.analyse(parsedText, parsedLanguage);
        return new Feedback(id, customerId, parsedChannel, rating, parsedText, analysis, now, null);
    }
}
