package dev.rapport.feedback.domain.complaint;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The time an SLA clock runs. {@link #ALWAYS} counts every second; a business-hours calendar counts only
 * the working window of each working day that is not a holiday, in its time zone.
 * <p>
 * A window opens at {@code opens} on its day and closes at {@code closes}; when {@code closes} is not after
 * {@code opens} the window ends on the next day (a night shift such as 22:00–06:00, or 00:00–00:00 for a
 * whole day). Holidays and working days name the day a window opens. Local times that do not exist on a
 * DST change move forward by the gap, and ambiguous ones take the earlier offset, so a window is an hour
 * shorter or longer on such days, which is the business time that really passed.
 */
public final class BusinessCalendar {

    /** Every second counts: deadlines are plain elapsed time. */
    public static final BusinessCalendar ALWAYS = new BusinessCalendar();

    /** Enough to cross any realistic run of holidays; more means the configuration leaves no working time. */
    private static final int MAX_DAYS = 3_660;

    private final ZoneId zone;
    private final Set<DayOfWeek> workingDays;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Set<LocalDate> holidays;

    private BusinessCalendar() {
        this.zone = null;
        this.workingDays = Set.of();
        this.opens = null;
        this.closes = null;
        this.holidays = Set.of();
    }

    private BusinessCalendar(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime opens, LocalTime closes,
                             Set<LocalDate> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.opens = Objects.requireNonNull(opens, "opens");
        this.closes = Objects.requireNonNull(closes, "closes");
        if (workingDays == null || workingDays.isEmpty()) {
            throw new IllegalArgumentException("a business-hours calendar needs at least one working day");
        }
        this.workingDays = Set.copyOf(EnumSet.copyOf(workingDays));
        this.holidays = Set.copyOf(holidays);
    }

    public static BusinessCalendar businessHours(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime opens,
                                                 LocalTime closes, Set<LocalDate> holidays) {
        return new BusinessCalendar(zone, workingDays, opens, closes, holidays);
    }

    public boolean alwaysOpen() {
        return zone == null;
    }

    /** The instant when {@code amount} of business time has passed after {@code from}. */
    public Instant plus(Instant from, Duration amount) {
        if (alwaysOpen()) {
            return from.plus(amount);
        }
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative business time " + amount);
        }
        if (amount.isZero()) {
            return from;
        }
        Duration left = amount;
        // Start a day early: a night window opened yesterday may still be open at 'from'.
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!isWorking(day)) {
                continue;
            }
            Instant start = windowStart(day);
            Instant end = windowEnd(day);
            if (!end.isAfter(from)) {
                continue;
            }
            Instant effectiveStart = start.isBefore(from) ? from : start;
            Duration open = Duration.between(effectiveStart, end);
            if (left.compareTo(open) <= 0) {
                return effectiveStart.plus(left);
            }
            left = left.minus(open);
        }
        throw new IllegalStateException("no business time within " + MAX_DAYS + " days of " + from);
    }

    /** Business time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (alwaysOpen()) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorking(day)) {
                continue;
            }
            Instant start = max(windowStart(day), from);
            Instant end = min(windowEnd(day), to);
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    /**
     * Where a deadline goes when a paused clock starts again: the business time that was left at the
     * pause is counted from {@code resumedAt}. A deadline already passed when the pause began stays.
     */
    public Instant resume(Instant due, Instant pausedAt, Instant resumedAt) {
        if (!due.isAfter(pausedAt) || !resumedAt.isAfter(pausedAt)) {
            return due;
        }
        if (alwaysOpen()) {
            return due.plus(Duration.between(pausedAt, resumedAt));
        }
        return plus(resumedAt, between(pausedAt, due));
    }

    private boolean isWorking(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    private Instant windowStart(LocalDate day) {
        return ZonedDateTime.of(day, opens, zone).toInstant();
    }

    private Instant windowEnd(LocalDate day) {
        LocalDate endDay = closes.isAfter(opens) ? day : day.plusDays(1);
        return ZonedDateTime.of(endDay, closes, zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public String toString() {
        return alwaysOpen() ? "always" : workingDays + " " + opens + "-" + closes + " " + zone
                + " (" + holidays.size() + " holidays)";
    }
}
