package dev.rapport.feedback.application.port.in.survey;

public record CreateSurveyCommand(String type, String question, String channel, Integer throttleDays) {
}
