package dev.rapport.segmentation.application.port.out.score;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.segmentation.domain.score.StoredScore;
import dev.rapport.segmentation.domain.score.AbcClass;
import dev.rapport.segmentation.domain.score.CustomerScore;
import dev.rapport.segmentation.domain.score.RfmValues;
import dev.rapport.segmentation.domain.score.Segment;
import dev.rapport.segmentation.domain.score.ScoredCustomer;
import dev.rapport.segmentation.domain.score.ScoringRun;

/** The runs of scores, the current one and its rows. */
public interface ScoreRepository {

    /** What the other n − 1 customers of a run look like from one customer's values. */
    record Comparison(long worseRecency, long fewerPurchases, long smallerMonetary, BigDecimal monetaryAbove) {
    }

    /** Filters of a listing; null = any. */
    record Filter(String segment, String abcClass, String externalId) {
    }

    /** Counts and revenue of one group (a segment, an ABC class, an R×F cell). */
    record GroupTotal(String group, long customers, BigDecimal monetary) {
    }

    /**
     * The current run, for an incremental change: also takes the shared side of the lock a recompute takes
     * exclusively when it snapshots and when it swaps (held until the caller's transaction ends).
     */
    ScoringRun currentRunForUpdate();

    ScoringRun currentRun();

    Optional<ScoringRun> run(long runId);

    Optional<StoredScore> find(long runId, UUID customerId);

    /** {@link #find} for several customers, in one statement; those without a row are left out. */
    default Map<UUID, StoredScore> findAll(long runId, Collection<UUID> customerIds) {
        Map<UUID, StoredScore> found = new HashMap<>();
        customerIds.forEach(id -> find(runId, id).ifPresent(s -> found.put(id, s)));
        return found;
    }

    /**
     * Counts over the run's rows other than {@code customerId}'s; {@code own}: its values in the run as
     * {@link #find} gave them in this transaction (null: it has no row).
     */
    Comparison compare(long runId, UUID customerId, RfmValues own, RfmValues values);

    /**
     * Inserts or replaces the customer's row ({@code previous}: its values in the run as {@link #find} gave
     * them in this transaction, null when none) and moves the run's n and T by the deltas.
     */
    void save(long runId, StoredScore stored, RfmValues previous, int customersDelta, BigDecimal monetaryDelta);

    /** Removes the customer's row ({@code previous}: its values as {@link #find} gave them) and moves n and T. */
    void remove(long runId, UUID customerId, RfmValues previous);

    Optional<ScoredCustomer> customer(UUID customerId);

    Page<ScoredCustomer> list(Filter filter, PageRequest page);

    List<GroupTotal> totalsBySegment();

    List<GroupTotal> totalsByAbcClass();

    /** Group names "r,f". */
    List<GroupTotal> totalsByRfCell();
}
