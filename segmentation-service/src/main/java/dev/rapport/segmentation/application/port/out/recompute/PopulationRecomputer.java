package dev.rapport.segmentation.application.port.out.recompute;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.IntConsumer;

/**
 * Re-derives every customer's R, F, M, scores, segment and ABC class as of a date, set-based, into a new
 * run that readers do not see until {@link #swap(long)}.
 */
public interface PopulationRecomputer {

    /** The new run and the moment of its snapshot: facts touched at or after it must be caught up. */
    record Built(long runId, Instant snapshot, int customers) {
    }

    /** {@code spendWindowDays}: the length of the two spend windows before asOf (falling spend). */
    Built build(LocalDate asOf, ZoneId zone, int spendWindowDays, IntConsumer progress);

    /**
     * Makes the run current; call inside a transaction that holds the exclusive lock
     * ({@link #lockExclusively()}). @return the previous run id
     */
    long swap(long runId);

    /** Takes the exclusive side of the recompute lock until the transaction ends. */
    void lockExclusively();

    /** Drops every run but the current one (what a stopped recompute left behind). */
    void discardUnfinished();

    /** Drops a run that is no longer current (or a failed one). */
    void drop(long runId);
}
