package dev.rapport.segmentation.adapter.out.persistence.score;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import dev.rapport.segmentation.adapter.out.persistence.Jdbc;

/**
 * The in-memory population index of each run in use (the current one, and the one a recompute is building),
 * loaded from seg_score on first use. Range counts over a million rows per event cost seconds; the index
 * answers in microseconds, which is only correct while this process is the database's only writer (the
 * service's one-worker-per-database assumption). So that the index always equals the committed rows plus
 * the holder's own changes, a transaction that touches it holds it exclusively until it ends; a rollback
 * discards every index (they are rebuilt from the table, as after a restart).
 */
@ApplicationScoped
public class RunPopulations {

    private static final Object HELD = new Object();
    private static final int FETCH = 10_000;

    private final Semaphore guard = new Semaphore(1);
    private final Map<Long, PopulationIndex> runs = new HashMap<>();
    private final TransactionSynchronizationRegistry transactions;
    private final Jdbc jdbc;

    public RunPopulations(TransactionSynchronizationRegistry transactions, Jdbc jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** The run's index, held by the caller's transaction until it ends. */
    PopulationIndex of(long runId) {
        hold();
        PopulationIndex index = runs.get(runId);
        if (index == null) {
            Long current = jdbc.one("SELECT run_id FROM seg_current_run", s -> { }, r -> r.getLong(1)).orElse(null);
            runs.keySet().removeIf(id -> !id.equals(current));
            index = load(runId);
            runs.put(runId, index);
        }
        return index;
    }

    /** Holds every index until the caller's transaction ends (taken again in the same transaction: no-op). */
    void hold() {
        if (transactions.getResource(HELD) != null) {
            return;
        }
        guard.acquireUninterruptibly();
        try {
            transactions.putResource(HELD, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status != Status.STATUS_COMMITTED) {
                        runs.clear();
                    }
                    guard.release();
                }
            });
        } catch (RuntimeException e) {
            guard.release();
            throw e;
        }
    }

    private PopulationIndex load(long runId) {
        PopulationIndex index = new PopulationIndex();
        jdbc.each("""
                SELECT greatest(0, r.as_of - s.last_purchase_date), count(*) FROM seg_score s
                JOIN seg_run r ON r.run_id = ? GROUP BY 1""",
                s -> s.setLong(1, runId), FETCH, r -> index.addRecency(r.getInt(1), r.getLong(2)));
        jdbc.each("SELECT frequency, count(*) FROM seg_score GROUP BY 1",
                s -> { }, FETCH, r -> index.addFrequency(r.getInt(1), r.getLong(2)));
        jdbc.each("SELECT monetary, count(*) FROM seg_score GROUP BY 1",
                s -> { }, FETCH,
                r -> index.addMonetary(PopulationIndex.cents(r.getBigDecimal(1)), r.getLong(2)));
        return index;
    }
}
