package dev.rapport.segmentation.application.port.out.recompute;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

import dev.rapport.segmentation.domain.lifecycle.CustomerSignals;
import dev.rapport.segmentation.domain.lifecycle.LifecyclePolicy;
import dev.rapport.segmentation.domain.score.ScoringRun;
import dev.rapport.segmentation.domain.score.StoredScore;

/**
 * Re-derives every customer's R, F, M, scores, segment and ABC class as of a date and writes back, in place,
 * only the rows that changed, with a new run made current in the caller's transaction.
 */
public interface PopulationRecomputer {

    /**
     * One customer of the current run, of the new one or with signals: its row as of the current run's asOf and
     * as of the new asOf (null where it has none) and its signals.
     */
    record Transition(UUID customerId, StoredScore before, StoredScore after, CustomerSignals signals) {
    }

    /** The run made current, and how many rows the recompute wrote or removed. */
    record Recomputed(ScoringRun run, long rowsChanged) {
    }

    /**
     * Inside the caller's transaction, which holds the exclusive lock ({@link #lockExclusively()}) so that no
     * fact changes meanwhile: scores everyone as of {@code asOf} ({@code lifecycle}: the spend windows and the
     * thresholds of the insights), hands to the consumer {@code transitions} gives for the new run the transition
     * of every customer whose row changes or whose insight the move from the current run's asOf to {@code asOf}
     * can change ({@link dev.rapport.segmentation.domain.lifecycle.CustomerInsight#dayCanMove}; nobody else's
     * insight differs between the two), writes the changed rows and makes the new run current (readers see it
     * at the commit).
     */
    Recomputed recompute(ScoringRun current, LocalDate asOf, ZoneId zone, LifecyclePolicy lifecycle,
            IntConsumer progress, Function<ScoringRun, Consumer<Transition>> transitions);

    /** Takes the exclusive side of the recompute lock until the transaction ends. */
    void lockExclusively();

    /** Removes a run that is no longer current: its row and its lifetime-value models. */
    void forget(long runId);
}
