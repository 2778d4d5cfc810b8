package dev.rapport.customer.domain.engagement;

/** open -> done or open -> cancelled; both ends are final. Wire names: open, done, cancelled. */
public enum FollowUpStatus {
    OPEN, DONE, CANCELLED
}
