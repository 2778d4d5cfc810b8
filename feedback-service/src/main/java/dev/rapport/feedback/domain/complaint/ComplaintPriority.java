package dev.rapport.feedback.domain.complaint;

/** How urgent a complaint is; chooses its resolution target. */
public enum ComplaintPriority {
    LOW, NORMAL, HIGH, URGENT
}
