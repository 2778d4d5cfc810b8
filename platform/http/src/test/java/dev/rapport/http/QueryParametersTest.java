package dev.rapport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void limitDefaultsAndStaysWithinBounds() {
        assertThat(QueryParameters.limit(null, 20, 100)).isEqualTo(20);
        assertThat(QueryParameters.limit(" 100 ", 20, 100)).isEqualTo(100);
        for (String bad : new String[] {"0", "101", "x", "1.5", "-1"}) {
            assertThatThrownBy(() -> QueryParameters.limit(bad, 20, 100))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.problem().errors()).extracting(FieldError::field).containsExactly("limit");
                    });
        }
    }

    @Test
    void instantsNeedAnOffsetAndAFourDigitYear() {
        assertThat(QueryParameters.instant("from", "2024-05-01T10:15:30+02:00"))
                .isEqualTo(Instant.parse("2024-05-01T08:15:30Z"));
        assertThat(QueryParameters.instant("from", "9999-12-31T23:59:59Z")).isNotNull();
        assertThat(QueryParameters.instant("from", " ")).isNull();
        for (String bad : new String[] {"+999999999-12-31T23:59:59Z", "-000001-01-01T00:00:00Z", "2024-05-01", "yesterday"}) {
            assertThatThrownBy(() -> QueryParameters.instant("from", bad))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().errors())
                            .extracting(FieldError::field).containsExactly("from"));
        }
    }

    @Test
    void datesAreIsoDates() {
        assertThat(QueryParameters.date("asOf", "2011-12-10")).isEqualTo(LocalDate.of(2011, 12, 10));
        assertThatThrownBy(() -> QueryParameters.date("asOf", "10/12/2011")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> QueryParameters.date("asOf", "+10000-01-01")).isInstanceOf(ProblemException.class);
    }

    @Test
    void onlyCanonicalUuidsNameAResource() {
        UUID id = UUID.randomUUID();
        assertThat(QueryParameters.uuidOrNull(id.toString())).isEqualTo(id);
        assertThat(QueryParameters.uuidOrNull("1-1-1-1-1")).isNull();
        assertThat(QueryParameters.uuidOrNull(id + ";other")).isNull();
        assertThat(QueryParameters.uuidOrNull("nope")).isNull();
    }

    @Test
    void uuidFiltersAreAbsentOrCanonical() {
        UUID id = UUID.randomUUID();
        assertThat(QueryParameters.uuid("customerId", " " + id + " ")).isEqualTo(id);
        assertThat(QueryParameters.uuid("customerId", "")).isNull();
        assertThatThrownBy(() -> QueryParameters.uuid("customerId", "1-1-1-1-1"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.problem().errors()).containsExactly(new FieldError("customerId", "must be a UUID"));
                });
    }

    enum Mood {
        CONTENT, SAD
    }

    @Test
    void enumFiltersTakeWireNamesAndListTheAcceptedOnes() {
        assertThat(QueryParameters.wireName("mood", Mood.class, "content")).isEqualTo(Mood.CONTENT);
        assertThat(QueryParameters.wireName("mood", Mood.class, null)).isNull();
        assertThatThrownBy(() -> QueryParameters.wireName("mood", Mood.class, "angry"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().errors()).extracting(FieldError::field).containsExactly("mood");
                    assertThat(e.problem().errors().getFirst().message()).contains("content", "sad");
                });
    }

    @Test
    void aMalformedPathIdNamesNothingLikeAnUnknownOne() {
        UUID id = UUID.randomUUID();
        assertThat(QueryParameters.pathId("Complaint", id.toString())).isEqualTo(id);
        assertThatThrownBy(() -> QueryParameters.pathId("Complaint", "42"))
                .isInstanceOfSatisfying(dev.rapport.kernel.NotFoundException.class, e -> {
                    assertThat(e.what()).isEqualTo("Complaint");
                    assertThat(e.getMessage()).isEqualTo("no complaint 42");
                });
    }
}
