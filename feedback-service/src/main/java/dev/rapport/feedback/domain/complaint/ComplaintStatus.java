package dev.rapport.feedback.domain.complaint;

import dev.rapport.kernel.InvalidValueException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The life of a complaint: new -> acknowledged -> in-progress <-> waiting-on-customer -> resolved -> closed;
 * in-progress may also go straight to resolved, and resolved may be reopened (back to in-progress).
 */
public enum ComplaintStatus {
    NEW, ACKNOWLEDGED, IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CLOSED;

    public Set<ComplaintStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(ACKNOWLEDGED);
            case ACKNOWLEDGED -> EnumSet.of(IN_PROGRESS);
            case IN_PROGRESS -> EnumSet.of(WAITING_ON_CUSTOMER, RESOLVED);
            case WAITING_ON_CUSTOMER -> EnumSet.of(IN_PROGRESS, RESOLVED);
            case RESOLVED -> EnumSet.of(CLOSED, IN_PROGRESS);
            case CLOSED -> EnumSet.noneOf(ComplaintStatus.class);
        };
    }

    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }

    /** "in-progress", "waiting-on-customer", ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ComplaintStatus parse(String raw) {
        for (ComplaintStatus status : values()) {
            if (status.wireName().equals(raw)) {
                return status;
            }
        }
        throw new InvalidValueException("must be one of " + allowed());
    }

    public static String allowed() {
        return Arrays.stream(values()).map(ComplaintStatus::wireName).collect(Collectors.joining(", ", "[", "]"));
    }
}
