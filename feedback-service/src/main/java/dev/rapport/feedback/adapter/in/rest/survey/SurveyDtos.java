package dev.rapport.feedback.adapter.in.rest.survey;

import dev.rapport.feedback.domain.survey.InvitationOutcome;
import dev.rapport.feedback.domain.survey.Survey;
import dev.rapport.feedback.domain.survey.SurveyResponse;
import dev.rapport.feedback.domain.survey.SurveyResults;
import dev.rapport.kernel.WireNames;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request and response bodies of the survey endpoints. */
public final class SurveyDtos {

    private SurveyDtos() {
    }

    @Schema(name = "CreateSurveyRequest")
    public record CreateSurveyRequest(
            @Schema(required = true, enumeration = {"NPS", "CSAT", "CES"}, maxLength = 4, examples = "NPS") String type,
            @Schema(required = true, minLength = 1, maxLength = 500, examples = "How likely are you to recommend us to a friend?")
            String question,
            @Schema(required = true, enumeration = {"email", "sms", "phone", "post"}, maxLength = 5, examples = "email") String channel,
            @Schema(description = "days a customer must wait before answering again or being invited again; 0 = no limit",
                    minimum = "0", maximum = "3650", examples = "90") Integer throttleDays) {
    }

    @Schema(name = "Survey")
    public record SurveyView(UUID id, @Schema(maxLength = 4) String type, @Schema(maxLength = 500) String question,
                             @Schema(maxLength = 5) String channel, @Schema(minimum = "0", maximum = "3650") int throttleDays,
                             Instant createdAt) {
        static SurveyView of(Survey s) {
            return new SurveyView(s.id(), s.type().name(), s.question(), WireNames.of(s.channel()), s.throttleDays(), s.createdAt());
        }
    }

    @Schema(name = "AnswerSurveyRequest")
    public record AnswerRequest(
            @Schema(required = true, format = "uuid", examples = "018f2d3c-7a41-7c2e-9d7e-2b1f4e5a6c70") UUID customerId,
            @Schema(required = true, description = "NPS 0-10, CSAT 1-5, CES 1-7", minimum = "0", maximum = "10", examples = "9")
            Integer score,
            @Schema(maxLength = 2000, examples = "Quick and friendly") String comment) {
    }

    @Schema(name = "SurveyAnswer")
    public record AnswerView(UUID id, UUID surveyId, UUID customerId, @Schema(minimum = "0", maximum = "10") int score,
                             @Schema(maxLength = 2000, nullable = true) String comment,
                             @Schema(maxLength = 10, nullable = true, enumeration = {"promoter", "passive", "detractor"})
                             String npsCategory,
                             Instant answeredAt) {
        static AnswerView of(Survey survey, SurveyResponse r) {
            return new AnswerView(r.id(), r.surveyId(), r.customerId(), r.score(), r.comment(),
                    survey.type().npsCategory(r.score()), r.answeredAt());
        }
    }

    @Schema(name = "SurveyResults", description = "nps on -100..100 (NPS only), csatPercent = % of 4-5 (CSAT only), mean score; null without answers")
    public record ResultsView(@Schema(maxLength = 4) String type, @Schema(minimum = "0") long count,
                              @Schema(description = "answers per score") Map<String, Long> distribution,
                              @Schema(minimum = "-100", maximum = "100", nullable = true) Double nps,
                              @Schema(minimum = "0", maximum = "100", nullable = true) Double csatPercent,
                              @Schema(minimum = "0", maximum = "10", nullable = true) Double mean) {
        static ResultsView of(SurveyResults r) {
            Map<String, Long> distribution = new java.util.LinkedHashMap<>();
            r.distribution().forEach((score, count) -> distribution.put(String.valueOf(score), count));
            return new ResultsView(r.type().name(), r.count(), distribution, r.nps(), r.csatPercent(), r.mean());
        }
    }

    @Schema(name = "InviteRequest")
    public record InviteRequest(@Schema(required = true, minItems = 1, maxItems = 1000) List<UUID> customerIds) {
    }

    @Schema(name = "InvitationOutcome")
    public record InviteView(@Schema(maxItems = 1000) List<UUID> invited, @Schema(maxItems = 1000) List<SkippedView> skipped) {
        static InviteView of(InvitationOutcome o) {
            return new InviteView(o.invited(), o.skipped().stream().map(s -> new SkippedView(s.customerId(), s.reason())).toList());
        }
    }

    @Schema(name = "SkippedInvitation")
    public record SkippedView(UUID customerId,
                              @Schema(maxLength = 20, enumeration = {"no-consent", "throttled", "duplicate"}) String reason) {
    }
}
