package dev.rapport.feedback.application.port.in.feedback;

import dev.rapport.feedback.domain.feedback.Feedback;

/** Stores a customer's feedback with its analysis and announces it (feedback-received). */
public interface SubmitFeedbackUseCase {
    Feedback submit(SubmitFeedbackCommand command);
}
