package dev.rapport.feedback.application.port.in.survey;

import dev.rapport.feedback.domain.survey.SurveyResponse;

/** Stores an answer and publishes survey-answered (with the NPS category for NPS surveys). */
public interface AnswerSurveyUseCase {
    /**
     * @throws dev.rapport.kernel.NotFoundException for an unknown survey
     * @throws dev.rapport.kernel.InvalidInputException for a score outside the type's range
     * @throws dev.rapport.kernel.ConflictException (survey-throttled) when the customer answered within throttleDays
     */
    SurveyResponse answer(AnswerSurveyCommand command);
}
