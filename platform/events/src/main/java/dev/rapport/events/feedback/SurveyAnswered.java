package dev.rapport.events.feedback;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer answered a survey. {@code surveyType} is {@code NPS|CSAT|CES}; {@code npsCategory} is
 * {@code promoter} (9-10), {@code passive} (7-8) or {@code detractor} (0-6) for NPS and null otherwise.
 * Never the comment.
 */
public record SurveyAnswered(UUID surveyId, UUID responseId, UUID customerId, String surveyType, int score,
                             String npsCategory, Instant answeredAt) {

    public static final String TYPE = "rapport.feedback.survey-answered.v1";
}
