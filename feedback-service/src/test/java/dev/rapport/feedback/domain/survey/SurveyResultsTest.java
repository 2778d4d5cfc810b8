package dev.rapport.feedback.domain.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.kernel.InvalidInputException;

class SurveyResultsTest {

    @Test
    void npsIsPromotersMinusDetractorsInPercent() {
        SurveyResults r = SurveyResults.of(SurveyType.NPS, Map.of(10, 5L, 9, 2L, 8, 1L, 3, 2L));
        assertThat(r.count()).isEqualTo(10);
        assertThat(r.nps()).isEqualTo(50.0);
        assertThat(r.distribution()).containsEntry(0, 0L).containsEntry(10, 5L).hasSize(11);
        assertThat(SurveyResults.of(SurveyType.NPS, Map.of(0, 1L)).nps()).isEqualTo(-100.0);
    }

    @Test
    void csatIsShareOfFourAndFiveAndCesIsTheMean() {
        SurveyResults csat = SurveyResults.of(SurveyType.CSAT, Map.of(5, 1L, 4, 1L, 3, 1L));
        assertThat(csat.csatPercent()).isEqualTo(66.7);
        assertThat(csat.mean()).isEqualTo(4.0);
        assertThat(csat.nps()).isNull();
        SurveyResults ces = SurveyResults.of(SurveyType.CES, Map.of(7, 1L, 2, 3L));
        assertThat(ces.mean()).isEqualTo(3.3);
        assertThat(SurveyResults.of(SurveyType.CES, Map.of()).mean()).isNull();
    }

    @Test
    void scoresMustFitTheType() {
        Survey nps = Survey.create(UUID.randomUUID(), "NPS", "Recommend us?", "email", 30, Instant.EPOCH);
        assertThat(SurveyResponse.answer(UUID.randomUUID(), nps, UUID.randomUUID(), 0, null, Instant.EPOCH).score()).isZero();
        assertThatThrownBy(() -> SurveyResponse.answer(UUID.randomUUID(), nps, UUID.randomUUID(), 11, null, Instant.EPOCH))
                .isInstanceOf(InvalidInputException.class);
        Survey ces = Survey.create(UUID.randomUUID(), "CES", "Easy?", "sms", 0, Instant.EPOCH);
        assertThatThrownBy(() -> SurveyResponse.answer(UUID.randomUUID(), ces, UUID.randomUUID(), 0, null, Instant.EPOCH))
                .isInstanceOf(InvalidInputException.class);
        assertThat(SurveyType.NPS.npsCategory(8)).isEqualTo("passive");
        assertThat(SurveyType.NPS.npsCategory(6)).isEqualTo("detractor");
        assertThat(SurveyType.CSAT.npsCategory(5)).isNull();
    }
}
