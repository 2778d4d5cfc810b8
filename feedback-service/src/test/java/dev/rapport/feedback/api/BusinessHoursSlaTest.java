package dev.rapport.feedback.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The business-hours calendar in the running service: complaints opened through HTTP at set instants get
 * deadlines counted only in working windows (Berlin, 09:00-17:00, Monday to Friday), skipping the weekend
 * and a holiday; the clock paused while waiting on the customer resumes with the business time left.
 */
@QuarkusTest
@TestProfile(BusinessHoursSlaTest.BusinessHours.class)
class BusinessHoursSlaTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate HOLIDAY = LocalDate.of(2026, 12, 7); // a Monday

    public static class BusinessHours implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "rapport.feedback.complaints.sla.calendar.enabled", "true",
                    "rapport.feedback.complaints.sla.calendar.zone", "Europe/Berlin",
                    "rapport.feedback.complaints.sla.calendar.opens", "09:00",
                    "rapport.feedback.complaints.sla.calendar.closes", "17:00",
                    "rapport.feedback.complaints.sla.calendar.holidays", HOLIDAY + ",2026-12-24",
                    "rapport.feedback.complaints.sla.first-response", "4h",
                    "rapport.feedback.complaints.sla.resolution-normal", "12h");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(SettableClock.class);
        }
    }

    @Inject
    SettableClock clock;

    static Instant berlin(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BERLIN).toInstant();
    }

    ExtractableResponse<Response> openAt(Instant now) {
        clock.set(now);
        return ComplaintApiTest.open(ComplaintApiTest.complaint(UUID.randomUUID(), "billing", "normal"))
                .statusCode(201).extract();
    }

    static Instant instant(ExtractableResponse<Response> response, String field) {
        return Instant.parse(response.<String>path(field));
    }

    /** Inside 09:00-17:00 Berlin on a weekday that is not the holiday. */
    static void assertInWorkingWindow(Instant deadline) {
        ZonedDateTime local = deadline.atZone(BERLIN);
        assertThat(local.getDayOfWeek()).as(local.toString()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(local.toLocalDate()).as(local.toString()).isNotEqualTo(HOLIDAY);
        assertThat(local.toLocalTime()).as(local.toString()).isBetween(LocalTime.of(9, 0), LocalTime.of(17, 0));
    }

    @Test
    void openedOnFridayAfternoonTheDeadlinesSkipTheWeekendAndTheHolidayMonday() {
        // Friday 15:00: two working hours left that day, then Saturday, Sunday and the holiday count nothing.
        var created = openAt(berlin("2026-12-04T15:00:00"));
        assertThat(instant(created, "openedAt")).isEqualTo(berlin("2026-12-04T15:00:00"));
        // 4 h: 2 on Friday, 2 on Tuesday from 09:00.
        assertThat(instant(created, "firstResponseDueAt")).isEqualTo(berlin("2026-12-08T11:00:00"));
        // 12 h: 2 on Friday, 8 on Tuesday, 2 on Wednesday.
        assertThat(instant(created, "resolutionDueAt")).isEqualTo(berlin("2026-12-09T11:00:00"));
        assertInWorkingWindow(instant(created, "firstResponseDueAt"));
        assertInWorkingWindow(instant(created, "resolutionDueAt"));
        assertThat(created.<String>path("serviceClass")).isEqualTo("standard");

        String id = created.path("id");
        var read = given().when().get("/complaints/{id}", id).then().statusCode(200).extract();
        assertThat(instant(read, "firstResponseDueAt")).isEqualTo(berlin("2026-12-08T11:00:00"));
        assertThat(instant(read, "resolutionDueAt")).isEqualTo(berlin("2026-12-09T11:00:00"));
    }

    @Test
    void openedOnSaturdayTheClockStartsAtTuesdaysOpening() {
        var created = openAt(berlin("2026-12-05T12:00:00"));
        assertThat(instant(created, "firstResponseDueAt")).isEqualTo(berlin("2026-12-08T13:00:00"));
        // 8 h on Tuesday, 4 on Wednesday.
        assertThat(instant(created, "resolutionDueAt")).isEqualTo(berlin("2026-12-09T13:00:00"));
    }

    @Test
    void openedAfterClosingTheClockStartsAtTheNextOpening() {
        // Thursday 20:00: nothing counts until Friday 09:00; the 12 h then run over the weekend and the holiday.
        var created = openAt(berlin("2026-12-03T20:00:00"));
        assertThat(instant(created, "firstResponseDueAt")).isEqualTo(berlin("2026-12-04T13:00:00"));
        // 8 h on Friday, 4 on Tuesday.
        assertThat(instant(created, "resolutionDueAt")).isEqualTo(berlin("2026-12-08T13:00:00"));
        assertInWorkingWindow(instant(created, "resolutionDueAt"));
    }

    @Test
    void waitingOnTheCustomerOverTheWeekendResumesWithTheBusinessTimeLeft() {
        var created = openAt(berlin("2026-12-04T15:00:00"));
        String id = created.path("id");
        clock.set(berlin("2026-12-04T15:30:00"));
        ComplaintApiTest.move(id, "acknowledged").statusCode(200);
        ComplaintApiTest.move(id, "in-progress").statusCode(200);
        // Paused on Friday at 16:00 with 11 working hours left to Wednesday 11:00.
        clock.set(berlin("2026-12-04T16:00:00"));
        ComplaintApiTest.move(id, "waiting-on-customer").statusCode(200);
        // The customer answers on Tuesday at 12:00: 5 h that day, 6 on Wednesday.
        clock.set(berlin("2026-12-08T12:00:00"));
        var resumed = ComplaintApiTest.move(id, "in-progress").statusCode(200).extract();
        assertThat(instant(resumed, "resolutionDueAt")).isEqualTo(berlin("2026-12-09T15:00:00"));
        assertInWorkingWindow(instant(resumed, "resolutionDueAt"));
        assertThat(resumed.<Boolean>path("resolutionBreached")).isFalse();
    }
}
