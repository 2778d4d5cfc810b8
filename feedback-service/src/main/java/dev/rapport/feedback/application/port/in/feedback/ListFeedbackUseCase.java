package dev.rapport.feedback.application.port.in.feedback;

import dev.rapport.feedback.domain.feedback.Feedback;
import dev.rapport.kernel.paging.Page;

/** Feedback newest first, filtered. */
public interface ListFeedbackUseCase {
    Page<Feedback> list(ListFeedbackQuery query);
}
