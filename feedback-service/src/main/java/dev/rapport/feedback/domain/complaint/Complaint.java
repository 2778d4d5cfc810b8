package dev.rapport.feedback.domain.complaint;

import dev.rapport.feedback.domain.feedback.FeedbackChannel;
import dev.rapport.kernel.ConflictException;
import dev.rapport.kernel.Texts;
import dev.rapport.kernel.Violations;
import dev.rapport.kernel.WireNames;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A customer's complaint (service ticket) with its SLA clocks.
 * <ul>
 *   <li>First response: the move from new to acknowledged; due {@code firstResponseDueAt}.</li>
 *   <li>Resolution: the move to resolved; due {@code resolutionDueAt}. While the complaint waits on the
 *       customer the clock is paused: on leaving that status both open deadlines move by the time waited.</li>
 *   <li>A deadline is breached when it passed before the event happened (or it has not happened yet and
 *       the deadline is past; a paused clock does not breach).</li>
 *   <li>Reopening a resolved complaint clears its resolution; the original deadline still counts.</li>
 * </ul>
 */
public final class Complaint {

    public static final int SUBJECT_MAX = 200;
    public static final int DESCRIPTION_MAX = 10_000;
    public static final int NOTE_MAX = 2_000;
    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");

    private final UUID id;
    private UUID customerId;
    private final FeedbackChannel channel;
    private final String category;
    private final ComplaintPriority priority;
    private final ServiceClass serviceClass;
    private String subject;
    private String description;
    private ComplaintStatus status;
    private UUID assignee;
    private final Instant openedAt;
    private Instant firstResponseDueAt;
    private Instant resolutionDueAt;
    private Instant firstRespondedAt;
    private Instant resolvedAt;
    private Instant pausedSince;
    private Instant erasedAt;
    private final List<ComplaintTransition> history;

    public Complaint(UUID id, UUID customerId, FeedbackChannel channel, String category, ComplaintPriority priority,
                     ServiceClass serviceClass, String subject, String description, ComplaintStatus status, UUID assignee, Instant openedAt,
                     Instant firstResponseDueAt, Instant resolutionDueAt, Instant firstRespondedAt, Instant resolvedAt,
                     Instant pausedSince, Instant erasedAt, List<ComplaintTransition> history) {
        this.id = Objects.requireNonNull(id);
        this.customerId = Objects.requireNonNull(customerId);
        this.channel = Objects.requireNonNull(channel);
        this.category = Objects.requireNonNull(category);
        this.priority = Objects.requireNonNull(priority);
        this.serviceClass = Objects.requireNonNull(serviceClass);
        this.subject = subject;
        this.description = description;
        this.status = Objects.requireNonNull(status);
        this.assignee = assignee;
        this.openedAt = Objects.requireNonNull(openedAt);
        this.firstResponseDueAt = Objects.requireNonNull(firstResponseDueAt);
        this.resolutionDueAt = Objects.requireNonNull(resolutionDueAt);
        this.firstRespondedAt = firstRespondedAt;
        this.resolvedAt = resolvedAt;
        this.pausedSince = pausedSince;
        this.erasedAt = erasedAt;
        this.history = new ArrayList<>(history);
    }

    /**
     * Validates raw input (every invalid field at once) and opens a complaint with the deadlines of its
     * customer's class at this moment (a later class change does not move them).
     *
     * @throws dev.rapport.kernel.InvalidInputException naming each invalid field
     */
    public static Complaint open(UUID id, UUID customerId, String channel, String category, String priority,
                                 String subject, String description, ServiceClass serviceClass, SlaPolicy sla,
                                 Instant now) {
        Violations v = new Violations();
        if (customerId == null) {
            v.add("customerId", "must not be null");
        }
        FeedbackChannel parsedChannel = v.check("channel", () -> WireNames.parse(FeedbackChannel.class, channel));
        String parsedCategory = v.check("category", () -> category(category));
        ComplaintPriority parsedPriority = priority == null ? ComplaintPriority.NORMAL
                : v.check("priority", () -> WireNames.parse(ComplaintPriority.class, priority));
        String parsedSubject = v.check("subject", () -> Texts.required(subject, SUBJECT_MAX));
        String parsedDescription = v.check("description", () -> multiline(description, DESCRIPTION_MAX));
        v.throwIfAny();
        return new Complaint(id, customerId, parsedChannel, parsedCategory, parsedPriority, serviceClass,
                parsedSubject, parsedDescription, ComplaintStatus.NEW, null, now,
                sla.firstResponseDue(serviceClass, now), sla.resolutionDue(serviceClass, parsedPriority, now),
                null, null, null, null,
                List.of(new ComplaintTransition(null, ComplaintStatus.NEW, now, null)));
    }

    /** Trimmed text that may hold line breaks and tabs but no other control characters. */
    static String multiline(String raw, int max) {
        String flat = raw == null ? null : raw.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        Texts.required(flat, max);
        return raw.strip();
    }

    private static String category(String raw) {
        String value = Texts.required(raw, 50).toLowerCase(Locale.ROOT);
        if (!CATEGORY.matcher(value).matches()) {
            throw new dev.rapport.kernel.InvalidValueException("must be a slug of letters, digits and dashes, like billing");
        }
        return value;
    }

    /**
     * Moves the complaint to {@code to}. Leaving waiting-on-customer starts the paused clocks again: the
     * business time that was left on each open deadline at the pause counts from now on {@code calendar}.
     *
     * @throws ConflictException (409, code complaint-transition-not-allowed) for a move the life cycle does not allow
     */
    public ComplaintTransition moveTo(ComplaintStatus to, String note, Instant now, BusinessCalendar calendar) {
        if (!status.next().contains(to)) {
            throw new ConflictException("complaint-transition-not-allowed", "Transition not allowed",
                    "a complaint that is " + status.wireName() + " cannot become " + to.wireName(),
                    Map.of("currentStatus", status.wireName(), "allowed",
                            status.next().stream().map(ComplaintStatus::wireName).toList()));
        }
        if (status == ComplaintStatus.WAITING_ON_CUSTOMER && pausedSince != null) {
            resolutionDueAt = calendar.resume(resolutionDueAt, pausedSince, now);
            if (firstRespondedAt == null) {
                firstResponseDueAt = calendar.resume(firstResponseDueAt, pausedSince, now);
            }
            pausedSince = null;
        }
        switch (to) {
            case ACKNOWLEDGED -> {
                if (firstRespondedAt == null) {
                    firstRespondedAt = now;
                }
            }
            case WAITING_ON_CUSTOMER -> pausedSince = now;
            case RESOLVED -> resolvedAt = now;
            case IN_PROGRESS -> {
                if (status == ComplaintStatus.RESOLVED) {
                    resolvedAt = null;
                }
            }
            default -> {
            }
        }
        ComplaintTransition transition = new ComplaintTransition(status, to,
                now, note == null || note.isBlank() ? null : multiline(note, NOTE_MAX));
        status = to;
        history.add(transition);
        return transition;
    }

    public void assignTo(UUID agentId) {
        this.assignee = agentId;
    }

    public boolean firstResponseBreached(Instant now) {
        return firstRespondedAt != null ? firstRespondedAt.isAfter(firstResponseDueAt)
                : pausedSince == null && now.isAfter(firstResponseDueAt);
    }

    public boolean resolutionBreached(Instant now) {
        return resolvedAt != null ? resolvedAt.isAfter(resolutionDueAt)
                : pausedSince == null && status != ComplaintStatus.CLOSED && now.isAfter(resolutionDueAt);
    }

    /** Removes the personal text (subject, description, notes); keeps status, category, priority and times. */
    public void erase(Instant now) {
        subject = null;
        description = null;
        erasedAt = now;
        history.replaceAll(t -> new ComplaintTransition(t.from(), t.to(), t.at(), null));
    }

    public UUID id() { return id; }
    public UUID customerId() { return customerId; }
    public FeedbackChannel channel() { return channel; }
    public String category() { return category; }
    public ComplaintPriority priority() { return priority; }
    public ServiceClass serviceClass() { return serviceClass; }
    public String subject() { return subject; }
    public String description() { return description; }
    public ComplaintStatus status() { return status; }
    public UUID assignee() { return assignee; }
    public Instant openedAt() { return openedAt; }
    public Instant firstResponseDueAt() { return firstResponseDueAt; }
    public Instant resolutionDueAt() { return resolutionDueAt; }
    public Instant firstRespondedAt() { return firstRespondedAt; }
    public Instant resolvedAt() { return resolvedAt; }
    public Instant pausedSince() { return pausedSince; }
    public Instant erasedAt() { return erasedAt; }
    public List<ComplaintTransition> history() { return List.copyOf(history); }
}
