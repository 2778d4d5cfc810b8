package dev.rapport.customer.application.port.out.identity;

import dev.rapport.customer.domain.customer.CustomerId;

/**
 * Extension point of the merge: everything that belongs to a customer and must follow it when it is
 * merged away. Every CDI bean implementing this is called inside the merge transaction, after the
 * duplicate became a tombstone and before the survivor is stored, in ascending {@link #order()}.
 * An exception rolls the whole merge back. Implementations move rows with set-based updates
 * (no per-row events: the customers-merged event tells other services to do the same) and decide
 * their own conflict rules, e.g. consents: the newest decision per channel and purpose wins.
 */
public interface MergeParticipant {

    /** Re-assigns everything of {@code from} (the duplicate) to {@code to} (the survivor). */
    void moveAll(CustomerId from, CustomerId to);

    /** Lower runs first; participants should not depend on each other, this only makes runs repeatable. */
    default int order() {
        return 100;
    }
}
