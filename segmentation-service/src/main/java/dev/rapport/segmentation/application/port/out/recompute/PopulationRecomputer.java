package dev.rapport.segmentation.application.port.out.recompute;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import dev.rapport.segmentation.domain.lifecycle.CustomerSignals;
import dev.rapport.segmentation.domain.score.StoredScore;

/**
 * Re-derives every customer's R, F, M, scores, segment and ABC class as of a date, set-based, into a new
 * run that readers do not see until {@link #swap(long)}.
 */
public interface PopulationRecomputer {

    /** The new run and the moment of its snapshot: facts touched at or after it must be caught up. */
    record Built(long runId, Instant snapshot, int customers) {
    }

    /**
     * One customer of either run or with signals: its row in the previous run and in the new one (null where it
     * has none) and its signals.
     */
    record Transition(UUID customerId, StoredScore before, StoredScore after, CustomerSignals signals) {
    }

    /** {@code spendWindowDays}: the length of the two spend windows before asOf (falling spend). */
    Built build(LocalDate asOf, ZoneId zone, int spendWindowDays, IntConsumer progress);

    /**
     * Makes the run current; call inside a transaction that holds the exclusive lock
     * ({@link #lockExclusively()}). @return the previous run id
     */
    long swap(long runId);

    /**
     * Streams every customer that has a row in {@code previousRunId} or {@code runId} or has signals, in no
     * particular order; call inside a transaction.
     */
    void compare(long previousRunId, long runId, Consumer<Transition> each);

    /** Takes the exclusive side of the recompute lock until the transaction ends. */
    void lockExclusively();

    /** Drops every run but the current one (what a stopped recompute left behind). */
    void discardUnfinished();

    /** Drops a run that is no longer current (or a failed one). */
    void drop(long runId);
}
