package dev.rapport.customer.domain.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The time zone in which "today", "this week" and a bare due date are meant (the team's office
 * zone, configured). Instants stay zone-free; only day boundaries depend on it.
 */
public record FollowUpCalendar(ZoneId zone) {

    public FollowUpCalendar {
        Objects.requireNonNull(zone, "zone");
    }

    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** A task due "on a day" is due until the last microsecond of that day, then overdue. */
    public Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1)).minus(1, ChronoUnit.MICROS);
    }

    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }
}
