package dev.rapport.feedback.adapter.out.messaging;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.Topics;
import dev.rapport.events.feedback.FeedbackEvents;
import dev.rapport.events.feedback.SurveyAnswered;
import dev.rapport.events.feedback.SurveyInvitationRequested;
import dev.rapport.feedback.application.port.out.survey.SurveyEventPublisher;
import dev.rapport.feedback.domain.survey.Survey;
import dev.rapport.feedback.domain.survey.SurveyResponse;
import dev.rapport.kernel.WireNames;
import dev.rapport.messaging.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class OutboxSurveyEventPublisher implements SurveyEventPublisher {

    private final OutboxWriter outbox;

    public OutboxSurveyEventPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void answered(Survey survey, SurveyResponse r) {
        outbox.append(Topics.FEEDBACK_EVENTS, CloudEvent.of(FeedbackEvents.SOURCE, SurveyAnswered.TYPE,
                r.customerId().toString(), new SurveyAnswered(survey.id(), r.id(), r.customerId(), survey.type().name(),
                        r.score(), survey.type().npsCategory(r.score()), r.answeredAt())));
    }

    @Override
    public void invitationRequested(Survey survey, UUID customerId, Instant requestedAt) {
        outbox.append(Topics.FEEDBACK_EVENTS, CloudEvent.of(FeedbackEvents.SOURCE, SurveyInvitationRequested.TYPE,
                customerId.toString(), new SurveyInvitationRequested(survey.id(), customerId, survey.type().name(),
                        WireNames.of(survey.channel()), survey.question(), requestedAt)));
    }
}
