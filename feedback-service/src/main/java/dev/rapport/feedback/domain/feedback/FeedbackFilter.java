package dev.rapport.feedback.domain.feedback;

import java.time.Instant;
import java.util.UUID;

/** Which feedback a list shows; null fields do not filter. {@code from} inclusive, {@code to} exclusive. */
public record FeedbackFilter(UUID customerId, FeedbackChannel channel, Sentiment sentiment, String topic,
                             Instant from, Instant to) {
}
