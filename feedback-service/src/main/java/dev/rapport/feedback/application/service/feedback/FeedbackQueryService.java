package dev.rapport.feedback.application.service.feedback;

import dev.rapport.feedback.application.port.in.feedback.GetFeedbackUseCase;
import dev.rapport.feedback.application.port.in.feedback.ListFeedbackQuery;
import dev.rapport.feedback.application.port.in.feedback.ListFeedbackUseCase;
import dev.rapport.feedback.application.port.out.feedback.FeedbackRepository;
import dev.rapport.feedback.domain.feedback.Feedback;
import dev.rapport.kernel.NotFoundException;
import dev.rapport.kernel.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class FeedbackQueryService implements ListFeedbackUseCase, GetFeedbackUseCase {

    private final FeedbackRepository feedback;

    public FeedbackQueryService(FeedbackRepository feedback) {
        this.feedback = feedback;
    }

    @Override
    public Page<Feedback> list(ListFeedbackQuery query) {
        return feedback.list(query.filter(), query.page());
    }

    @Override
    public Feedback get(UUID id) {
        return feedback.find(id).orElseThrow(() -> new NotFoundException("Feedback", "no feedback " + id));
    }
}
