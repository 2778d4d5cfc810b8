package dev.rapport.feedback.domain.feedback;

/** Polarity of a text. */
public enum Sentiment {
    POSITIVE, NEUTRAL, NEGATIVE
}
