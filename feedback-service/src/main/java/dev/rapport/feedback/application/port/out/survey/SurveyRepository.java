package dev.rapport.feedback.application.port.out.survey;

import dev.rapport.feedback.domain.survey.Survey;
import dev.rapport.feedback.domain.survey.SurveyResponse;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Surveys, their answers and invitations. */
public interface SurveyRepository {

    void add(Survey survey);

    Optional<Survey> find(UUID id);

    /** Serialises answers and invitations of one customer to one survey until the transaction ends. */
    void lockCustomer(UUID surveyId, UUID customerId);

    void addResponse(SurveyResponse response);

    /** Whether {@code customerId} answered the survey at or after {@code since}. */
    boolean answeredSince(UUID surveyId, UUID customerId, Instant since);

    /** Of {@code customers}, those who answered or were invited at or after {@code since}. */
    Set<UUID> contactedSince(UUID surveyId, Collection<UUID> customers, Instant since);

    void addInvitations(UUID surveyId, List<UUID> customers, Instant at);

    /** score -> answers in [from, to); null bounds are open. */
    Map<Integer, Long> distribution(UUID surveyId, Instant from, Instant to);

    int eraseComments(UUID customerId);

    int reassign(UUID fromCustomerId, UUID toCustomerId);
}
