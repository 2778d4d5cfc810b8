package dev.rapport.feedback.application.port.in.survey;

import dev.rapport.feedback.domain.survey.Survey;

import java.util.UUID;

public interface CreateSurveyUseCase {
    Survey create(CreateSurveyCommand command);

    /** @throws dev.rapport.kernel.NotFoundException for an unknown survey */
    Survey get(UUID id);
}
