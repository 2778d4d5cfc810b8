package dev.rapport.customer.domain.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.engagement.InteractionId;
import dev.rapport.kernel.Texts;
import dev.rapport.kernel.Violations;

/**
 * A task to get back to a customer by a due time, owned by one person. Open until completed or
 * cancelled; repeating the same ending is harmless, switching endings is a conflict.
 */
public final class FollowUp {

    public static final int TITLE_MAX = 200;
    public static final int OWNER_MAX = 100;
    public static final int NOTE_MAX = 2000;

    private final FollowUpId id;
    private final CustomerId customerId;
    private final String title;
    private final Instant dueAt;
    private final String owner;
    private final String note;
    private final InteractionId interactionId;
    private final Instant createdAt;
    private FollowUpStatus status;
    private Instant closedAt;

    private FollowUp(FollowUpId id, CustomerId customerId, String title, Instant dueAt, String owner, String note,
                     InteractionId interactionId, Instant createdAt, FollowUpStatus status, Instant closedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.title = Objects.requireNonNull(title, "title");
        this.dueAt = Objects.requireNonNull(dueAt, "dueAt");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.note = note;
        this.interactionId = interactionId;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.status = Objects.requireNonNull(status, "status");
        this.closedAt = closedAt;
        if ((status == FollowUpStatus.OPEN) != (closedAt == null)) {
            throw new IllegalArgumentException("closedAt is set exactly when the follow-up is closed");
        }
    }

    /**
     * Validates a new follow-up. Exactly one of {@code dueAt} and {@code dueDate} is given; a date
     * means "by the end of that day" in the calendar's zone. A due time in the past is allowed (a
     * task noted late is simply overdue at once).
     *
     * @throws dev.rapport.kernel.InvalidInputException naming each invalid field
     */
    public static FollowUp open(FollowUpId id, CustomerId customerId, String rawTitle, Instant rawDueAt,
                                LocalDate rawDueDate, String rawOwner, String rawNote, InteractionId interactionId,
                                Instant now, FollowUpCalendar calendar) {
        Violations violations = new Violations();
        String title = violations.check("title", () -> Texts.required(rawTitle, TITLE_MAX));
        Instant dueAt = null;
        if (rawDueAt != null && rawDueDate != null) {
            violations.add("dueDate", "give either dueAt or dueDate, not both");
        } else if (rawDueAt != null) {
            dueAt = rawDueAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        } else if (rawDueDate != null) {
            dueAt = calendar.endOf(rawDueDate);
        } else {
            violations.add("dueAt", "is required (or dueDate)");
        }
        String owner = violations.check("owner", () -> Texts.required(rawOwner, OWNER_MAX));
        String note = violations.check("note", () -> Texts.optional(rawNote, NOTE_MAX));
        violations.throwIfAny();
        return new FollowUp(id, customerId, title, dueAt, owner, note, interactionId, now, FollowUpStatus.OPEN, null);
    }

    /** Rebuilds a stored follow-up. */
    public static FollowUp restore(FollowUpId id, CustomerId customerId, String title, Instant dueAt, String owner,
                                   String note, InteractionId interactionId, Instant createdAt, FollowUpStatus status,
                                   Instant closedAt) {
        return new FollowUp(id, customerId, title, dueAt, owner, note, interactionId, createdAt, status, closedAt);
    }

    /** @return true when this call changed the status (false: it was done already) */
    public boolean complete(Instant now) {
        return close(FollowUpStatus.DONE, "completed", now);
    }

    /** @return true when this call changed the status (false: it was cancelled already) */
    public boolean cancel(Instant now) {
        return close(FollowUpStatus.CANCELLED, "cancelled", now);
    }

    private boolean close(FollowUpStatus target, String action, Instant now) {
        if (status == target) {
            return false;
        }
        if (status != FollowUpStatus.OPEN) {
            throw new FollowUpStateConflictException(id, status, action);
        }
        status = target;
        closedAt = now;
        return true;
    }

    public boolean isOverdue(Instant now) {
        return status == FollowUpStatus.OPEN && dueAt.isBefore(now);
    }

    public FollowUpId id() {
        return id;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public String title() {
        return title;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public String owner() {
        return owner;
    }

    public String note() {
        return note;
    }

    public InteractionId interactionId() {
        return interactionId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public FollowUpStatus status() {
        return status;
    }

    public Instant closedAt() {
        return closedAt;
    }
}
