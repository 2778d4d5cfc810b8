package dev.rapport.feedback.domain.survey;

import dev.rapport.kernel.Texts;
import dev.rapport.kernel.Violations;
import dev.rapport.kernel.WireNames;

import java.time.Instant;
import java.util.UUID;

/**
 * A satisfaction survey. A customer who answered it (or was invited to it) less than {@code throttleDays}
 * days ago is throttled: another answer is refused and no new invitation is sent.
 */
public record Survey(UUID id, SurveyType type, String question, SurveyChannel channel, int throttleDays,
                     Instant createdAt) {

    public static final int MAX_THROTTLE_DAYS = 3650;

    /** @throws dev.rapport.kernel.InvalidInputException naming each invalid field */
    public static Survey create(UUID id, String type, String question, String channel, Integer throttleDays,
                                Instant now) {
        Violations v = new Violations();
        SurveyType parsedType = v.check("type", () -> SurveyType.parse(type));
        String parsedQuestion = v.check("question", () -> Texts.required(question, 500));
        SurveyChannel parsedChannel = v.check("channel", () -> WireNames.parse(SurveyChannel.class, channel));
        int days = throttleDays == null ? 0 : throttleDays;
        if (days < 0 || days > MAX_THROTTLE_DAYS) {
            v.add("throttleDays", "must be from 0 to " + MAX_THROTTLE_DAYS);
        }
        v.throwIfAny();
        return new Survey(id, parsedType, parsedQuestion, parsedChannel, days, now);
    }
}
