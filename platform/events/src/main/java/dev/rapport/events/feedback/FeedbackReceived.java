package dev.rapport.events.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer gave feedback on a channel. Carries what feedback-service read in the text (language
 * {@code zh|en|other}, sentiment {@code positive|neutral|negative} with a score from -1 to 1, topics),
 * never the text itself. {@code rating} (1-5) is null when the customer gave none.
 */
public record FeedbackReceived(
        UUID feedbackId,
        UUID customerId,
        String channel,
        Integer rating,
        String language,
        String sentiment,
        double sentimentScore,
        List<String> topics,
        Instant receivedAt) {

    public static final String TYPE = "rapport.feedback.feedback-received.v1";
}
