package dev.rapport.feedback.application.port.out.survey;

import dev.rapport.feedback.domain.survey.Survey;
import dev.rapport.feedback.domain.survey.SurveyResponse;

import java.time.Instant;
import java.util.UUID;

public interface SurveyEventPublisher {

    /** survey-answered: score and NPS category, never the comment. */
    void answered(Survey survey, SurveyResponse response);

    /** survey-invitation-requested for a delivery system outside Rapport. */
    void invitationRequested(Survey survey, UUID customerId, Instant requestedAt);
}
