package dev.rapport.feedback.application.service.feedback;

import dev.rapport.feedback.application.port.in.feedback.SubmitFeedbackCommand;
import dev.rapport.feedback.application.port.in.feedback.SubmitFeedbackUseCase;
import dev.rapport.feedback.application.port.out.feedback.FeedbackEventPublisher;
import dev.rapport.feedback.application.port.out.feedback.FeedbackRepository;
import dev.rapport.feedback.domain.feedback.Feedback;
import dev.rapport.feedback.domain.feedback.TextAnalyzer;
import dev.rapport.kernel.ConflictException;
import dev.rapport.kernel.InvalidInputException;
import dev.rapport.kernel.TimeOrderedIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Map;

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
    public Submitted submit(SubmitFeedbackCommand command) {
        String key = command.idempotencyKey();
        if (key != null && (key.isEmpty() || key.length() > 100 || !key.chars().allMatch(c -> c > 32 && c < 127))) {
            throw InvalidInputException.of("Idempotency-Key", "must be 1 to 100 visible ASCII characters");
        }
        Feedback received = Feedback.receive(TimeOrderedIds.next(), command.customerId(), command.channel(),
                command.rating(), command.text(), command.language(), analyzer, clock.instant());
        if (key == null) {
            feedback.add(received);
        } else {
            feedback.lockIdempotencyKey(key);
            var earlier = feedback.findByIdempotencyKey(key);
            if (earlier.isPresent()) {
                if (!earlier.get().fingerprint().equals(command.fingerprint())) {
                    throw new ConflictException("idempotency-key-conflict", "Idempotency key already used",
                            "this Idempotency-Key was used for different feedback",
                            Map.of("existingFeedbackId", earlier.get().feedback().id()));
                }
                return new Submitted(earlier.get().feedback(), false);
            }
            feedback.add(received, key, command.fingerprint());
        }
        events.received(received);
        return new Submitted(received, true);
    }
}
