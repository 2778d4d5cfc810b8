package dev.rapport.customer.domain.engagement;

import dev.rapport.kernel.DomainException;

/** Completing a cancelled follow-up or cancelling a done one: the task already ended the other way. */
public class FollowUpStateConflictException extends DomainException {

    private final FollowUpStatus currentStatus;

    public FollowUpStateConflictException(FollowUpId id, FollowUpStatus currentStatus, String action) {
        super("Follow-up " + id + " is " + currentStatus.name().toLowerCase(java.util.Locale.ROOT)
                + " and cannot be " + action);
        this.currentStatus = currentStatus;
    }

    public FollowUpStatus currentStatus() {
        return currentStatus;
    }
}
