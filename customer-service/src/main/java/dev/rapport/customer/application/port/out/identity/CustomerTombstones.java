package dev.rapport.customer.application.port.out.identity;

import java.time.Instant;

import dev.rapport.customer.domain.customer.CustomerId;

/** Turns a merged duplicate into a tombstone. Joins the caller's transaction. */
public interface CustomerTombstones {

    /**
     * Marks {@code duplicate} (locked by the caller) as merged into {@code survivor}, releases its
     * e-mail, phone and external id at once (so the survivor can take them in the same transaction),
     * and re-points older tombstones of the duplicate to the survivor, so a redirect is one hop.
     */
    void markMerged(CustomerId duplicate, CustomerId survivor, Instant mergedAt);
}
