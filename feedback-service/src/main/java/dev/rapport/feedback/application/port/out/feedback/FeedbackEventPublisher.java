package dev.rapport.feedback.application.port.out.feedback;

import dev.rapport.feedback.domain.feedback.Feedback;

/** Announces feedback facts; called inside the state change's transaction. */
public interface FeedbackEventPublisher {

    /** feedback-received: the analysis, never the text. */
    void received(Feedback feedback);
}
