package dev.rapport.feedback.application.service.feedback;

import dev.rapport.feedback.application.port.in.feedback.SubmitFeedbackCommand;
import dev.rapport.feedback.application.port.in.feedback.SubmitFeedbackUseCase;
import dev.rapport.feedback.application.port.out.feedback.FeedbackEventPublisher;
import dev.rapport.feedback.application.port.out.feedback.FeedbackRepository;
import dev.rapport.feedback.domain.feedback.Feedback;
import dev.rapport.feedback.domain.feedback.TextAnalyzer;
import dev.rapport.kernel.TimeOrderedIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

@ApplicationScoped
public class SubmitFeedbackService implements SubmitFeedbackUseCase {

    private final FeedbackRepository feedback;
    private final FeedbackEventPublisher events;
    private final TextAnalyzer analyzer;
    private final Clock clock;

    public SubmitFeedbackService(FeedbackRepository feedback, FeedbackEventPublisher events, TextAnalyzer analyzer,
                                 Clock clock) {
        this.feedback = feedback;
        this.events = events;
        this.analyzer = analyzer;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Feedback submit(SubmitFeedbackCommand command) {
        Feedback received = Feedback.receive(TimeOrderedIds.next(), command.customerId(), command.channel(),
                command.rating(), command.text(), command.language(), analyzer, clock.instant());
        feedback.add(received);
        events.received(received);
        return received;
    }
}
