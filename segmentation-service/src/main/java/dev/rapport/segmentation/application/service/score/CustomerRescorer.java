package dev.rapport.segmentation.application.service.score;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.segmentation.application.port.out.lifecycle.LifecycleEventPublisher;
import dev.rapport.segmentation.application.port.out.lifecycle.SignalRepository;
import dev.rapport.segmentation.application.port.out.purchase.PurchaseFactsRepository;
import dev.rapport.segmentation.application.port.out.score.ScoreEventPublisher;
import dev.rapport.segmentation.application.port.out.score.ScoreRepository;
import dev.rapport.segmentation.application.service.lifecycle.CustomerInsights;
import dev.rapport.segmentation.domain.lifecycle.CustomerInsight;
import dev.rapport.segmentation.domain.lifecycle.CustomerSignals;
import dev.rapport.segmentation.domain.lifecycle.LifecyclePolicy;
import dev.rapport.segmentation.domain.lifecycle.SpendTrend;
import dev.rapport.segmentation.domain.purchase.CustomerTotals;
import dev.rapport.segmentation.domain.purchase.PurchaseAmount;
import dev.rapport.segmentation.domain.score.CountingPurchases;
import dev.rapport.segmentation.domain.score.CustomerScore;
import dev.rapport.segmentation.domain.score.PopulationPosition;
import dev.rapport.segmentation.domain.score.RfmValues;
import dev.rapport.segmentation.domain.score.ScoringRun;
import dev.rapport.segmentation.domain.score.StoredScore;

/**
 * Re-scores one customer against a run's current population: its values from all its recorded purchases
 * (purchases on or after the run's asOf count at once with recency 0), its scores from the counts of
 * strictly worse customers among the others, n and T adjusted for the customer's own change. Runs inside
 * the caller's transaction.
 */
@ApplicationScoped
public class CustomerRescorer {

    private final PurchaseFactsRepository purchases;
    private final ScoreRepository scores;
    private final ScoreEventPublisher events;
    private final LifecycleEventPublisher lifecycleEvents;
    private final SignalRepository signals;
    private final CustomerInsights insights;
    private final LifecyclePolicy policy;

    public CustomerRescorer(PurchaseFactsRepository purchases, ScoreRepository scores, ScoreEventPublisher events,
            LifecycleEventPublisher lifecycleEvents, SignalRepository signals, CustomerInsights insights,
            LifecyclePolicy policy) {
        this.lifecycleEvents = lifecycleEvents;
        this.purchases = purchases;
        this.scores = scores;
        this.events = events;
        this.signals = signals;
        this.insights = insights;
        this.policy = policy;
    }

    /**
     * The current run, with the shared side of the recompute lock held until the transaction ends: take it
     * before changing any fact, so a recompute's snapshot either sees the change or catches it up.
     */
    public ScoringRun lockCurrentRun() {
        return scores.currentRunForUpdate();
    }

    /**
     * Re-scores in {@code run}; publishes segment, class, lifecycle, churn-risk and level changes when
     * {@code publish}. {@code run} must carry the run's current n and T (read under the lock, or returned by the
     * previous re-score in this transaction). @return the run with n and T moved by this customer's change
     */
    public ScoringRun rescore(ScoringRun run, UUID customerId, boolean publish) {
        List<PurchaseAmount> facts = purchases.purchasesOf(customerId);
        // the lifetime totals follow the purchase rows in the same transaction (a full recompute reads them)
        purchases.keepTotals(customerId, CustomerTotals.of(facts).orElse(null));
        return rescore(run, customerId, facts, publish);
    }

    /**
     * As {@link #rescore(ScoringRun, UUID, boolean)}, from {@code facts}: all the customer's purchases as read in
     * this transaction, its lifetime totals already kept from them.
     */
    public ScoringRun rescore(ScoringRun run, UUID customerId, List<PurchaseAmount> facts, boolean publish) {
        return rescore(run, customerId, facts, scores.find(run.id(), customerId), publish ? signals.find(customerId) : null);
    }

    /**
     * {@link #rescore(ScoringRun, UUID, List, boolean)} for several customers, each once and in order: their
     * stored rows (and signals, when {@code publish}) read with one statement each. @return the run after all
     */
    public ScoringRun rescoreAll(ScoringRun run, Map<UUID, List<PurchaseAmount>> histories, boolean publish) {
        Map<UUID, StoredScore> stored = scores.findAll(run.id(), histories.keySet());
        Map<UUID, CustomerSignals> found = publish ? signals.findAll(histories.keySet()) : Map.of();
        ScoringRun moved = run;
        for (var customer : histories.entrySet()) {
            UUID id = customer.getKey();
            moved = rescore(moved, id, customer.getValue(), Optional.ofNullable(stored.get(id)),
                    publish ? found.getOrDefault(id, CustomerSignals.NONE) : null);
        }
        return moved;
    }

    /** {@code customerSignals}: the signals to publish with, null to publish nothing. */
    private ScoringRun rescore(ScoringRun run, UUID customerId, List<PurchaseAmount> facts, Optional<StoredScore> before,
                               CustomerSignals customerSignals) {
        Optional<RfmValues> values = CountingPurchases.valuesIncludingLater(facts, run.asOf(), run.zone());
        StoredScore after = null;
        ScoringRun moved = run;
        if (values.isEmpty()) {
            if (before.isPresent()) {
                RfmValues gone = before.get().score().values();
                scores.remove(run.id(), customerId, gone);
                moved = new ScoringRun(run.id(), run.asOf(), run.zone(), run.customers() - 1,
                        run.totalMonetary().subtract(gone.monetary()));
            }
        } else {
            RfmValues v = values.get();
            RfmValues own = before.map(b -> b.score().values()).orElse(null);
            ScoreRepository.Comparison others = scores.compare(run.id(), customerId, own, v);
            long n = run.customers() + (before.isPresent() ? 0 : 1);
            BigDecimal previous = before.map(b -> b.score().values().monetary()).orElse(BigDecimal.ZERO);
            BigDecimal total = run.totalMonetary().subtract(previous).add(v.monetary());
            CustomerScore score = CustomerScore.of(customerId, v, new PopulationPosition(n, others.worseRecency(),
                    others.fewerPurchases(), others.smallerMonetary(), others.monetaryAbove(), total));
            after = new StoredScore(score, trend(facts, run));
            scores.save(run.id(), after, own, before.isPresent() ? 0 : 1, v.monetary().subtract(previous));
            moved = new ScoringRun(run.id(), run.asOf(), run.zone(), n, total);
        }
        if (customerSignals != null) {
            // a purchase moves no signal: the same signals on both sides
            insights.publishTransition(events, lifecycleEvents, customerId, run, before.orElse(null), run, after,
                    customerSignals);
        }
        return moved;
    }

    private SpendTrend trend(List<PurchaseAmount> facts, ScoringRun run) {
        Instant recent = run.asOf().minusDays(policy.spendWindowDays()).atStartOfDay(run.zone()).toInstant();
        Instant previous = run.asOf().minusDays(2L * policy.spendWindowDays()).atStartOfDay(run.zone()).toInstant();
        BigDecimal inRecent = BigDecimal.ZERO;
        BigDecimal inPrevious = BigDecimal.ZERO;
        for (PurchaseAmount p : facts) {
            if (p.total().signum() <= 0) {
                continue;
            }
            if (!p.occurredAt().isBefore(recent)) {
                inRecent = inRecent.add(p.total());
            } else if (!p.occurredAt().isBefore(previous)) {
                inPrevious = inPrevious.add(p.total());
            }
        }
        return new SpendTrend(inRecent, inPrevious);
    }
}
