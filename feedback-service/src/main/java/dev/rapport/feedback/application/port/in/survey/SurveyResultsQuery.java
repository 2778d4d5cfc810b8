package dev.rapport.feedback.application.port.in.survey;

import java.time.Instant;
import java.util.UUID;

/** Answers given from {@code from} (inclusive) to {@code to} (exclusive); null bounds are open. */
public record SurveyResultsQuery(UUID surveyId, Instant from, Instant to) {
}
