package dev.rapport.customer.domain.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.kernel.FieldViolation;
import dev.rapport.kernel.InvalidInputException;

class FollowUpTest {

    /** 23:30 in Berlin on Sunday 2024-06-02 is still 21:30 UTC: the zone decides which day "today" is. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-02T21:30:00Z"), ZoneOffset.UTC);
    private static final Instant NOW = CLOCK.instant();
    private static final FollowUpCalendar BERLIN = new FollowUpCalendar(ZoneId.of("Europe/Berlin"));
    private static final FollowUpCalendar UTC = new FollowUpCalendar(ZoneOffset.UTC);

    private final CustomerId customer = CustomerId.newId();

    private FollowUp open(Instant dueAt) {
        return FollowUp.open(FollowUpId.newId(), customer, "Call back", dueAt, null, "j.smith", null, null, NOW, UTC);
    }

    @Test
    void todayIsTheCalendarDayInTheConfiguredZone() {
        DueWindow.Range berlinToday = DueWindow.TODAY.range(NOW, BERLIN);
        assertThat(berlinToday.from()).isEqualTo(Instant.parse("2024-06-01T22:00:00Z"));
        assertThat(berlinToday.until()).isEqualTo(Instant.parse("2024-06-02T22:00:00Z"));

        DueWindow.Range utcToday = DueWindow.TODAY.range(NOW, UTC);
        assertThat(utcToday.from()).isEqualTo(Instant.parse("2024-06-02T00:00:00Z"));
        assertThat(utcToday.until()).isEqualTo(Instant.parse("2024-06-03T00:00:00Z"));

        Instant berlinMidnightPassed = Instant.parse("2024-06-02T22:30:00Z");
        assertThat(berlinToday.contains(berlinMidnightPassed)).isFalse();
        assertThat(utcToday.contains(berlinMidnightPassed)).isTrue();
    }

    @Test
    void weekIsARollingSevenDaysFromTheStartOfToday() {
        DueWindow.Range week = DueWindow.WEEK.range(NOW, BERLIN);

        assertThat(week.from()).isEqualTo(Instant.parse("2024-06-01T22:00:00Z"));
        assertThat(week.until()).isEqualTo(Instant.parse("2024-06-08T22:00:00Z"));
        assertThat(week.contains(Instant.parse("2024-06-08T21:59:59Z"))).isTrue();
        assertThat(week.contains(Instant.parse("2024-06-08T22:00:00Z"))).isFalse();
    }

    @Test
    void overdueIsEverythingDueBeforeNow() {
        DueWindow.Range overdue = DueWindow.OVERDUE.range(NOW, BERLIN);

        assertThat(overdue.from()).isNull();
        assertThat(overdue.until()).isEqualTo(NOW);
        assertThat(overdue.contains(NOW.minusNanos(1000))).isTrue();
        assertThat(overdue.contains(NOW)).isFalse();
        assertThat(open(NOW.minusSeconds(1)).isOverdue(NOW)).isTrue();
        assertThat(open(NOW.plusSeconds(1)).isOverdue(NOW)).isFalse();
    }

    @Test
    void aDueDateMeansByTheEndOfThatDayInTheZone() {
        FollowUp followUp = FollowUp.open(FollowUpId.newId(), customer, "Send catalogue", null,
                LocalDate.parse("2024-06-02"), "j.smith", null, null, NOW, BERLIN);

        assertThat(followUp.dueAt()).isEqualTo(Instant.parse("2024-06-02T21:59:59.999999Z"));
        assertThat(followUp.isOverdue(NOW)).isFalse();
        assertThat(followUp.isOverdue(Instant.parse("2024-06-02T22:00:00Z"))).isTrue();
        assertThat(DueWindow.TODAY.range(NOW, BERLIN).contains(followUp.dueAt())).isTrue();
    }

    @Test
    void reportsEveryInvalidField() {
        InvalidInputException invalid = catchThrowableOfType(InvalidInputException.class,
                () -> FollowUp.open(FollowUpId.newId(), customer, "t".repeat(201), null, null, " ", "n".repeat(2001),
                        null, NOW, UTC));

        assertThat(invalid.violations()).containsExactly(
                new FieldViolation("title", "must be at most 200 characters"),
                new FieldViolation("dueAt", "is required (or dueDate)"),
                new FieldViolation("owner", "must not be blank"),
                new FieldViolation("note", "must be at most 2000 characters"));

        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> FollowUp.open(FollowUpId.newId(), customer, "x", NOW, LocalDate.of(2024, 6, 3), "o", null, null,
                        NOW, UTC)).violations())
                .containsExactly(new FieldViolation("dueDate", "give either dueAt or dueDate, not both"));
    }

    @Test
    void completingIsIdempotentAndCancellingADoneOneConflicts() {
        FollowUp followUp = open(NOW.plusSeconds(3600));

        assertThat(followUp.complete(NOW)).isTrue();
        assertThat(followUp.status()).isEqualTo(FollowUpStatus.DONE);
        assertThat(followUp.closedAt()).isEqualTo(NOW);
        assertThat(followUp.complete(NOW.plusSeconds(5))).as("a repeat changes nothing").isFalse();
        assertThat(followUp.closedAt()).isEqualTo(NOW);
        assertThat(followUp.isOverdue(NOW.plusSeconds(7200))).as("a done task is never overdue").isFalse();

        assertThatThrownBy(() -> followUp.cancel(NOW)).isInstanceOf(FollowUpStateConflictException.class)
                .hasMessageContaining("is done and cannot be cancelled");
    }

    @Test
    void cancellingIsIdempotentAndCompletingACancelledOneConflicts() {
        FollowUp followUp = open(NOW.plusSeconds(3600));

        assertThat(followUp.cancel(NOW)).isTrue();
        assertThat(followUp.cancel(NOW)).isFalse();
        FollowUpStateConflictException conflict = catchThrowableOfType(FollowUpStateConflictException.class,
                () -> followUp.complete(NOW));
        assertThat(conflict.currentStatus()).isEqualTo(FollowUpStatus.CANCELLED);
        assertThat(followUp.status()).isEqualTo(FollowUpStatus.CANCELLED);
    }

    @Test
    void criteriaDefaultToOpenAndRefuseUnknownValues() {
        FollowUpCriteria defaults = FollowUpCriteria.parse(null, null, null, null, NOW, UTC);
        assertThat(defaults.status()).isEqualTo(FollowUpStatus.OPEN);
        assertThat(defaults.due()).isNull();

        FollowUpCriteria today = FollowUpCriteria.parse(customer, "today", " j.smith ", "done", NOW, BERLIN);
        assertThat(today.owner()).isEqualTo("j.smith");
        assertThat(today.status()).isEqualTo(FollowUpStatus.DONE);
        assertThat(today.due()).isEqualTo(DueWindow.TODAY.range(NOW, BERLIN));

        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> FollowUpCriteria.parse(null, "tomorrow", "o".repeat(101), "closed", NOW, UTC)).violations())
                .extracting(FieldViolation::field).containsExactly("due", "owner", "status");
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> FollowUpCriteria.parse(null, "overdue", null, "done", NOW, UTC)).violations())
                .containsExactly(new FieldViolation("due", "overdue applies to open follow-ups only"));
    }
}
