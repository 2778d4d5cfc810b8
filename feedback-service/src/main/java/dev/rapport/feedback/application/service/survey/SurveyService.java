package dev.rapport.feedback.application.service.survey;

import dev.rapport.feedback.application.port.in.survey.AnswerSurveyCommand;
import dev.rapport.feedback.application.port.in.survey.AnswerSurveyUseCase;
import dev.rapport.feedback.application.port.in.survey.CreateSurveyCommand;
import dev.rapport.feedback.application.port.in.survey.CreateSurveyUseCase;
import dev.rapport.feedback.application.port.in.survey.GetSurveyResultsUseCase;
import dev.rapport.feedback.application.port.in.survey.InviteToSurveyCommand;
import dev.rapport.feedback.application.port.in.survey.InviteToSurveyUseCase;
import dev.rapport.feedback.application.port.in.survey.SurveyResultsQuery;
import dev.rapport.feedback.application.port.out.consent.ConsentRepository;
import dev.rapport.feedback.application.port.out.survey.SurveyEventPublisher;
import dev.rapport.feedback.application.port.out.survey.SurveyRepository;
import dev.rapport.feedback.domain.survey.InvitationOutcome;
import dev.rapport.feedback.domain.survey.Survey;
import dev.rapport.feedback.domain.survey.SurveyResponse;
import dev.rapport.feedback.domain.survey.SurveyResults;
import dev.rapport.kernel.ConflictException;
import dev.rapport.kernel.InvalidInputException;
import dev.rapport.kernel.NotFoundException;
import dev.rapport.kernel.TimeOrderedIds;
import dev.rapport.kernel.WireNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class SurveyService implements CreateSurveyUseCase, AnswerSurveyUseCase, GetSurveyResultsUseCase,
        InviteToSurveyUseCase {

    /** Consent purpose an invitation needs (besides the survey's channel). */
    static final String PURPOSE = "marketing";

    private final SurveyRepository surveys;
    private final ConsentRepository consents;
    private final SurveyEventPublisher events;
    private final Clock clock;

    public SurveyService(SurveyRepository surveys, ConsentRepository consents, SurveyEventPublisher events, Clock clock) {
        this.surveys = surveys;
        this.consents = consents;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Survey create(CreateSurveyCommand c) {
        Survey survey = Survey.create(TimeOrderedIds.next(), c.type(), c.question(), c.channel(), c.throttleDays(),
                clock.instant());
        surveys.add(survey);
        return survey;
    }

    @Override
    public Survey get(UUID id) {
        return surveys.find(id).orElseThrow(() -> new NotFoundException("Survey", "no survey " + id));
    }

    @Override
    @Transactional
    public SurveyResponse answer(AnswerSurveyCommand c) {
        Survey survey = get(c.surveyId());
        Instant now = clock.instant();
        SurveyResponse response = SurveyResponse.answer(TimeOrderedIds.next(), survey, c.customerId(), c.score(),
                c.comment(), now);
        surveys.lockCustomer(survey.id(), response.customerId());
        if (survey.throttleDays() > 0) {
            Instant since = now.minus(Duration.ofDays(survey.throttleDays()));
            if (surveys.answeredSince(survey.id(), response.customerId(), since)) {
                throw new ConflictException("survey-throttled", "Answered recently",
                        "the customer answered this survey within the last " + survey.throttleDays() + " days",
                        Map.of("throttleDays", survey.throttleDays()));
            }
        }
        surveys.addResponse(response);
        events.answered(survey, response);
        return response;
    }

    @Override
    public SurveyResults results(SurveyResultsQuery q) {
        Survey survey = get(q.surveyId());
        if (q.from() != null && q.to() != null && !q.from().isBefore(q.to())) {
            throw InvalidInputException.of("to", "must be after from");
        }
        return SurveyResults.of(survey.type(), surveys.distribution(survey.id(), q.from(), q.to()));
    }

    @Override
    @Transactional
    public InvitationOutcome invite(InviteToSurveyCommand c) {
        Survey survey = get(c.surveyId());
        List<UUID> requested = c.customerIds();
        if (requested == null || requested.isEmpty() || requested.size() > InviteToSurveyCommand.MAX_CUSTOMERS) {
            throw InvalidInputException.of("customerIds", "must hold 1 to " + InviteToSurveyCommand.MAX_CUSTOMERS + " ids");
        }
        for (int i = 0; i < requested.size(); i++) {
            if (requested.get(i) == null) {
                throw InvalidInputException.of("customerIds[" + i + "]", "must not be null");
            }
        }
        Instant now = clock.instant();
        List<InvitationOutcome.Skipped> skipped = new ArrayList<>();
        Set<UUID> unique = new LinkedHashSet<>();
        for (UUID id : requested) {
            if (!unique.add(id)) {
                skipped.add(new InvitationOutcome.Skipped(id, "duplicate"));
            }
        }
        Set<UUID> granted = consents.granted(unique, WireNames.of(survey.channel()), PURPOSE);
        Set<UUID> throttled = survey.throttleDays() == 0 ? Set.of()
                : surveys.contactedSince(survey.id(), unique, now.minus(Duration.ofDays(survey.throttleDays())));
        List<UUID> invited = new ArrayList<>();
        for (UUID id : unique) {
            if (!granted.contains(id)) {
                skipped.add(new InvitationOutcome.Skipped(id, "no-consent"));
            } else if (throttled.contains(id)) {
                skipped.add(new InvitationOutcome.Skipped(id, "throttled"));
            } else {
                invited.add(id);
            }
        }
        surveys.addInvitations(survey.id(), invited, now);
        invited.forEach(id -> events.invitationRequested(survey, id, now));
        return new InvitationOutcome(invited, skipped);
    }
}
