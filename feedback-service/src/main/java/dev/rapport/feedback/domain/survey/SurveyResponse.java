package dev.rapport.feedback.domain.survey;

import dev.rapport.kernel.Texts;
import dev.rapport.kernel.Violations;

import java.time.Instant;
import java.util.UUID;

/** One customer's answer to a survey; {@code comment} is personal text (null after erasure). */
public record SurveyResponse(UUID id, UUID surveyId, UUID customerId, int score, String comment, Instant answeredAt) {

    /** @throws dev.rapport.kernel.InvalidInputException for a missing customer or a score outside the type's range */
    public static SurveyResponse answer(UUID id, Survey survey, UUID customerId, Integer score, String comment,
                                        Instant now) {
        Violations v = new Violations();
        if (customerId == null) {
            v.add("customerId", "must not be null");
        }
        if (score == null || score < survey.type().min() || score > survey.type().max()) {
            v.add("score", "must be from " + survey.type().min() + " to " + survey.type().max() + " for " + survey.type());
        }
        String parsedComment = v.optional("comment", comment, c -> Texts.optional(
                c.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '), 2000) == null ? null : c.strip());
        v.throwIfAny();
        return new SurveyResponse(id, survey.id(), customerId, score, parsedComment, now);
    }
}
