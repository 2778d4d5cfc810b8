package dev.rapport.feedback.application.port.in.survey;

import java.util.UUID;

public record AnswerSurveyCommand(UUID surveyId, UUID customerId, Integer score, String comment) {
}
