package dev.rapport.feedback.domain.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    static final BusinessCalendar OFFICE = BusinessCalendar.businessHours(BERLIN, WEEKDAYS,
            LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)));

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    static Duration hours(long h) {
        return Duration.ofHours(h);
    }

    @Test
    void alwaysCountsEveryHour() {
        Instant t = Instant.parse("2026-12-05T23:30:00Z");
        assertThat(BusinessCalendar.ALWAYS.plus(t, hours(24))).isEqualTo(t.plus(hours(24)));
        assertThat(BusinessCalendar.ALWAYS.between(t, t.plus(hours(5)))).isEqualTo(hours(5));
    }

    @Test
    void countsWithinTheDayAndCarriesTheRestToTheNextWorkingDay() {
        // Tuesday 10:00 + 4 h = 14:00 the same day.
        assertThat(OFFICE.plus(berlin("2026-12-01T10:00"), hours(4))).isEqualTo(berlin("2026-12-01T14:00"));
        // Tuesday 15:00 + 4 h: 2 h today, 2 h from Wednesday's opening.
        assertThat(OFFICE.plus(berlin("2026-12-01T15:00"), hours(4))).isEqualTo(berlin("2026-12-02T11:00"));
        // Exactly the rest of the day ends at closing time, not at the next opening.
        assertThat(OFFICE.plus(berlin("2026-12-01T15:00"), hours(2))).isEqualTo(berlin("2026-12-01T17:00"));
        // Opened at night (crossing midnight): the clock starts at 09:00.
        assertThat(OFFICE.plus(berlin("2026-12-01T23:30"), hours(1))).isEqualTo(berlin("2026-12-02T10:00"));
        assertThat(OFFICE.plus(berlin("2026-12-02T06:00"), hours(24))).isEqualTo(berlin("2026-12-04T17:00"));
    }

    @Test
    void skipsWeekendsAndHolidays() {
        // Friday 16:00 + 2 h: 1 h on Friday, Saturday and Sunday skipped, 1 h on Monday.
        assertThat(OFFICE.plus(berlin("2026-12-04T16:00"), hours(2))).isEqualTo(berlin("2026-12-07T10:00"));
        // Opened on Saturday: nothing counts until Monday 09:00.
        assertThat(OFFICE.plus(berlin("2026-12-05T12:00"), hours(8))).isEqualTo(berlin("2026-12-07T17:00"));
        // Thursday 24 Dec 16:00 + 3 h: Friday 25th is a holiday, then a weekend, Monday 28th a holiday too.
        assertThat(OFFICE.plus(berlin("2026-12-24T16:00"), hours(3))).isEqualTo(berlin("2026-12-29T11:00"));
        assertThat(OFFICE.between(berlin("2026-12-24T16:00"), berlin("2026-12-29T11:00"))).isEqualTo(hours(3));
    }

    @Test
    void betweenIsTheInverseOfPlus() {
        Instant from = berlin("2026-12-03T13:17");
        for (long h = 1; h < 60; h += 7) {
            Instant due = OFFICE.plus(from, hours(h));
            assertThat(OFFICE.between(from, due)).as("%d h", h).isEqualTo(hours(h));
        }
        assertThat(OFFICE.between(berlin("2026-12-05T00:00"), berlin("2026-12-06T23:59"))).isZero();
        assertThat(OFFICE.between(berlin("2026-12-02T10:00"), berlin("2026-12-01T10:00"))).isZero();
    }

    @Test
    void countsRealTimeAcrossDaylightSavingChanges() {
        // A night shift 22:00-06:00 every day: Europe/Berlin springs forward on Sunday 29 March 2026 at 02:00,
        // so that night's window is 7 real hours, and falls back on 25 October, a window of 9.
        BusinessCalendar nights = BusinessCalendar.businessHours(BERLIN, EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(22, 0), LocalTime.of(6, 0), Set.of());
        assertThat(nights.between(berlin("2026-03-28T22:00"), berlin("2026-03-29T06:00"))).isEqualTo(hours(7));
        assertThat(nights.plus(berlin("2026-03-28T22:00"), hours(8))).isEqualTo(berlin("2026-03-29T23:00"));
        assertThat(nights.between(berlin("2026-10-24T22:00"), berlin("2026-10-25T06:00"))).isEqualTo(hours(9));
        assertThat(nights.plus(berlin("2026-10-24T22:00"), hours(8))).isEqualTo(berlin("2026-10-25T05:00"));
        // A deadline inside the night window started the evening before (the window crosses midnight).
        assertThat(nights.plus(berlin("2026-12-02T03:00"), hours(2))).isEqualTo(berlin("2026-12-02T05:00"));

        // Office hours on the Monday after the change are still 09:00-17:00 local time.
        assertThat(OFFICE.plus(berlin("2026-03-27T16:00"), hours(2))).isEqualTo(berlin("2026-03-30T10:00"));
    }

    @Test
    void resumingAPausedClockCountsOnlyTheBusinessTimeThatWasLeft() {
        Instant due = berlin("2026-12-02T11:00");
        // Paused on Tuesday at 15:00 with 4 business hours left; resumed on Friday at 16:00: 1 h on Friday, 3 on Monday.
        assertThat(OFFICE.resume(due, berlin("2026-12-01T15:00"), berlin("2026-12-04T16:00")))
                .isEqualTo(berlin("2026-12-07T12:00"));
        // A deadline that had passed before the pause stays where it was.
        assertThat(OFFICE.resume(due, berlin("2026-12-02T12:00"), berlin("2026-12-03T12:00"))).isEqualTo(due);
        // Always open: moved by the time waited.
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(BusinessCalendar.ALWAYS.resume(t.plus(hours(5)), t, t.plus(hours(3)))).isEqualTo(t.plus(hours(8)));
    }

    @Test
    void refusesACalendarWithoutWorkingDaysAndReportsOneWithoutWorkingTime() {
        assertThatThrownBy(() -> BusinessCalendar.businessHours(BERLIN, Set.of(), LocalTime.of(9, 0),
                LocalTime.of(17, 0), Set.of())).isInstanceOf(IllegalArgumentException.class);
        Set<LocalDate> everyMondayForYears = new java.util.HashSet<>();
        for (LocalDate d = LocalDate.of(2026, 11, 30); d.getYear() < 2040; d = d.plusWeeks(1)) {
            everyMondayForYears.add(d);
        }
        BusinessCalendar never = BusinessCalendar.businessHours(BERLIN, Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0),
                LocalTime.of(17, 0), everyMondayForYears);
        assertThatThrownBy(() -> never.plus(berlin("2026-12-01T10:00"), hours(1))).isInstanceOf(IllegalStateException.class);
    }
}
