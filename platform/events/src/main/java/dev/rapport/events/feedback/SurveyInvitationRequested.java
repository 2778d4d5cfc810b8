package dev.rapport.events.feedback;

import java.time.Instant;
import java.util.UUID;

/**
 * Invite this customer to a survey on {@code channel} ({@code email|sms|phone|post}); consent and throttling
 * were checked. A delivery system outside Rapport sends it.
 */
public record SurveyInvitationRequested(UUID surveyId, UUID customerId, String surveyType, String channel,
                                        String question, Instant requestedAt) {

    public static final String TYPE = "rapport.feedback.survey-invitation-requested.v1";
}
