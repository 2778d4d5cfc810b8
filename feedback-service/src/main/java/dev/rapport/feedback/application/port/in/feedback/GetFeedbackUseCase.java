package dev.rapport.feedback.application.port.in.feedback;

import dev.rapport.feedback.domain.feedback.Feedback;

import java.util.UUID;

public interface GetFeedbackUseCase {
    /** @throws dev.rapport.kernel.NotFoundException when there is no such feedback */
    Feedback get(UUID id);
}
