package dev.rapport.feedback.application.port.in.survey;

import java.util.List;
import java.util.UUID;

/** Up to {@value #MAX_CUSTOMERS} customers to invite. */
public record InviteToSurveyCommand(UUID surveyId, List<UUID> customerIds) {
    public static final int MAX_CUSTOMERS = 1000;
}
