package dev.rapport.customer.domain.engagement;

import java.time.Instant;

import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.kernel.Texts;
import dev.rapport.kernel.Violations;
import dev.rapport.kernel.WireNames;

/**
 * Filter of a follow-up list; null fields do not filter. Lists are ordered by due time, then id.
 */
public record FollowUpCriteria(CustomerId customerId, String owner, FollowUpStatus status, DueWindow.Range due) {

    /**
     * Parses query parameters. {@code status} defaults to open; {@code due=overdue} only combines
     * with open (a done task is never overdue).
     *
     * @throws dev.rapport.kernel.InvalidInputException naming each invalid parameter
     */
    public static FollowUpCriteria parse(CustomerId customerId, String rawDue, String rawOwner, String rawStatus,
                                         Instant now, FollowUpCalendar calendar) {
        Violations violations = new Violations();
        DueWindow window = rawDue == null || rawDue.isBlank() ? null
                : violations.check("due", () -> WireNames.parse(DueWindow.class, rawDue.strip()));
        String owner = violations.check("owner", () -> Texts.optional(rawOwner, FollowUp.OWNER_MAX));
        FollowUpStatus status = rawStatus == null || rawStatus.isBlank() ? FollowUpStatus.OPEN
                : violations.check("status", () -> WireNames.parse(FollowUpStatus.class, rawStatus.strip()));
        if (window == DueWindow.OVERDUE && status != null && status != FollowUpStatus.OPEN) {
            violations.add("due", "overdue applies to open follow-ups only");
        }
        violations.throwIfAny();
        return new FollowUpCriteria(customerId, owner, status, window == null ? null : window.range(now, calendar));
    }
}
