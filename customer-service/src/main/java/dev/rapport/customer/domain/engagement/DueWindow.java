package dev.rapport.customer.domain.engagement;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Which follow-ups a list shows by due time. {@code from} inclusive and {@code until} exclusive,
 * either may be null (open end).
 * <ul>
 * <li>overdue: due before now (only meaningful for open follow-ups);</li>
 * <li>today: due on today's date in the calendar's zone (including earlier today);</li>
 * <li>week: due from the start of today through the end of the sixth day after it, a rolling seven
 * days rather than a calendar week, so on a Sunday "week" still shows the coming days.</li>
 * </ul>
 */
public enum DueWindow {
    OVERDUE, TODAY, WEEK;

    public Range range(Instant now, FollowUpCalendar calendar) {
        LocalDate today = calendar.today(now);
        return switch (this) {
            case OVERDUE -> new Range(null, now);
            case TODAY -> new Range(calendar.startOf(today), calendar.startOf(today.plusDays(1)));
            case WEEK -> new Range(calendar.startOf(today), calendar.startOf(today.plusDays(7)));
        };
    }

    public record Range(Instant from, Instant until) {

        public boolean contains(Instant dueAt) {
            return (from == null || !dueAt.isBefore(from)) && (until == null || dueAt.isBefore(until));
        }
    }
}
