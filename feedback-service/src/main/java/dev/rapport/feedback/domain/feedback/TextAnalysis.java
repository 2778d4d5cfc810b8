package dev.rapport.feedback.domain.feedback;

import java.util.List;

/**
 * What the service reads in a text: its language, its sentiment with a score from -1 (surely negative)
 * to 1 (surely positive), and its topics.
 */
public record TextAnalysis(Language language, Sentiment sentiment, double score, List<String> topics) {

    public TextAnalysis {
        topics = List.copyOf(topics);
    }
}
