package dev.rapport.feedback.application.port.in.survey;

import dev.rapport.feedback.domain.survey.SurveyResults;

public interface GetSurveyResultsUseCase {
    SurveyResults results(SurveyResultsQuery query);
}
