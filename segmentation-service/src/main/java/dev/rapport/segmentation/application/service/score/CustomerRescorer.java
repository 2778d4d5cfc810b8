package dev.rapport.segmentation.application.service.score;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.segmentation.application.port.out.purchase.PurchaseFactsRepository;
import dev.rapport.segmentation.application.port.out.score.ScoreEventPublisher;
import dev.rapport.segmentation.application.port.out.score.ScoreRepository;
import dev.rapport.segmentation.domain.score.CountingPurchases;
import dev.rapport.segmentation.domain.score.CountingPurchases.Purchase;
import dev.rapport.segmentation.domain.score.CustomerScore;
import dev.rapport.segmentation.domain.score.PopulationPosition;
import dev.rapport.segmentation.domain.score.RfmValues;
import dev.rapport.segmentation.domain.score.ScoringRun;

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

    public CustomerRescorer(PurchaseFactsRepository purchases, ScoreRepository scores, ScoreEventPublisher events) {
        this.purchases = purchases;
        this.scores = scores;
        this.events = events;
    }

    /**
     * The current run, with the shared side of the recompute lock held until the transaction ends: take it
     * before changing any fact, so a recompute's snapshot either sees the change or catches it up.
     */
    public ScoringRun lockCurrentRun() {
        return scores.currentRunForUpdate();
    }

    /** Re-scores in {@code run}; publishes segment and class changes when {@code publish}. */
    public void rescore(ScoringRun runAsLocked, UUID customerId, boolean publish) {
        // n and T move with every change: read them afresh
        ScoringRun run = scores.run(runAsLocked.id()).orElseThrow();
        List<Purchase> facts = purchases.purchasesOf(customerId).stream()
                .map(p -> new Purchase(p.occurredAt(), p.total())).toList();
        Optional<RfmValues> values = CountingPurchases.valuesIncludingLater(facts, run.asOf(), run.zone());
        Optional<CustomerScore> before = scores.find(run.id(), customerId);
        if (values.isEmpty()) {
            before.ifPresent(b -> scores.remove(run.id(), customerId, b.values().monetary()));
            return;
        }
        RfmValues v = values.get();
        ScoreRepository.Comparison others = scores.compare(run.id(), customerId, v);
        long n = run.customers() + (before.isPresent() ? 0 : 1);
        BigDecimal previous = before.map(b -> b.values().monetary()).orElse(BigDecimal.ZERO);
        BigDecimal total = run.totalMonetary().subtract(previous).add(v.monetary());
        CustomerScore after = CustomerScore.of(customerId, v, new PopulationPosition(n, others.worseRecency(),
                others.fewerPurchases(), others.smallerMonetary(), others.monetaryAbove(), total));
        scores.save(run.id(), after, before.isPresent() ? 0 : 1, v.monetary().subtract(previous));
        if (!publish) {
            return;
        }
        CustomerScore was = before.orElse(null);
        if (was == null || was.segment() != after.segment()) {
            events.segmentChanged(run, was, after);
        }
        if (was == null || was.abcClass() != after.abcClass()) {
            events.abcClassChanged(run, was, after);
        }
    }
}
