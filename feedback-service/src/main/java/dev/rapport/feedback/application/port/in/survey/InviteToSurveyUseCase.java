package dev.rapport.feedback.application.port.in.survey;

import dev.rapport.feedback.domain.survey.InvitationOutcome;

/**
 * Requests invitations (survey-invitation-requested, sent by a delivery system outside Rapport) for the
 * customers whose consent for the survey's channel and purpose is granted and who are not throttled.
 */
public interface InviteToSurveyUseCase {
    InvitationOutcome invite(InviteToSurveyCommand command);
}
