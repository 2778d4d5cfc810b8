package dev.rapport.feedback.application.port.in.feedback;

import dev.rapport.feedback.domain.feedback.Feedback;

/** Stores a customer's feedback with its analysis and announces it (feedback-received). */
public interface SubmitFeedbackUseCase {
    /**
     * @throws dev.rapport.kernel.ConflictException (idempotency-key-conflict) when the key was used with other input
     */
    Submitted submit(SubmitFeedbackCommand command);

    /** {@code created} false: a retry with a known Idempotency-Key, nothing stored or published again. */
    record Submitted(Feedback feedback, boolean created) {
    }
}
