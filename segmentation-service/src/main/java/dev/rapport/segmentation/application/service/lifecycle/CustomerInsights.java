package dev.rapport.segmentation.application.service.lifecycle;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.segmentation.application.port.out.lifecycle.LifecycleEventPublisher;
import dev.rapport.segmentation.application.port.out.lifecycle.SignalRepository;
import dev.rapport.segmentation.application.port.out.score.ScoreEventPublisher;
import dev.rapport.segmentation.application.port.out.score.ScoreRepository;
import dev.rapport.segmentation.domain.lifecycle.CustomerInsight;
import dev.rapport.segmentation.domain.lifecycle.CustomerSignals;
import dev.rapport.segmentation.domain.lifecycle.LifecyclePolicy;
import dev.rapport.segmentation.domain.lifecycle.SpendTrend;
import dev.rapport.segmentation.domain.score.CustomerScore;
import dev.rapport.segmentation.domain.score.ScoringPolicy;
import dev.rapport.segmentation.domain.score.ScoringRun;
import dev.rapport.segmentation.domain.score.StoredScore;

/** Derives a customer's insight in a run and publishes what changed between two of them. */
@ApplicationScoped
public class CustomerInsights {

    private final ScoreRepository scores;
    private final SignalRepository signals;
    private final LifecycleEventPublisher events;
    private final LifecyclePolicy policy;
    private final ScoringPolicy scoring;

    public CustomerInsights(ScoreRepository scores, SignalRepository signals, LifecycleEventPublisher events,
            LifecyclePolicy policy, ScoringPolicy scoring) {
        this.scores = scores;
        this.signals = signals;
        this.events = events;
        this.policy = policy;
        this.scoring = scoring;
    }

    public CustomerInsight of(ScoringRun run, UUID customerId) {
        StoredScore stored = scores.find(run.id(), customerId).orElse(null);
        return of(run, stored, signals.find(customerId));
    }

    /** {@link #of} for several customers: their scores and signals read with one statement each. */
    public Map<UUID, CustomerInsight> ofAll(ScoringRun run, Collection<UUID> customerIds) {
        Map<UUID, StoredScore> stored = scores.findAll(run.id(), customerIds);
        Map<UUID, CustomerSignals> found = signals.findAll(customerIds);
        Map<UUID, CustomerInsight> insights = new LinkedHashMap<>();
        for (UUID id : customerIds) {
            insights.put(id, of(run, stored.get(id), found.getOrDefault(id, CustomerSignals.NONE)));
        }
        return insights;
    }

    public CustomerInsight of(ScoringRun run, StoredScore stored, CustomerSignals customerSignals) {
        return CustomerInsight.of(stored == null ? null : stored.score(), stored == null ? SpendTrend.NONE : stored.trend(),
                customerSignals, run.asOf(), scoring.zone(), policy);
    }

    public void publishChanges(ScoringRun run, UUID customerId, CustomerInsight before, CustomerInsight after) {
        publishChanges(events, run, customerId, before, after);
    }

    /**
     * Every event a customer's move from {@code before} (in {@code previous}) to {@code after} (in {@code run})
     * calls for, with the same signals on both sides: segment-changed and abc-class-changed while it has a score
     * (from null when it had none), then lifecycle-stage-changed, churn-risk-raised (upwards only) and
     * relationship-level-changed. The incremental re-scoring and the recompute's swap both decide here.
     */
    public void publishTransition(ScoreEventPublisher scoreEvents, LifecycleEventPublisher lifecycleEvents,
            UUID customerId, ScoringRun previous, StoredScore before, ScoringRun run, StoredScore after,
            CustomerSignals signals) {
        if (after != null) {
            CustomerScore was = before == null ? null : before.score();
            CustomerScore is = after.score();
            if (was == null || was.segment() != is.segment()) {
                scoreEvents.segmentChanged(run, was == null ? null : was.segment(), is);
            }
            if (was == null || was.abcClass() != is.abcClass()) {
                scoreEvents.abcClassChanged(run, was == null ? null : was.abcClass(), is);
            }
        }
        // levels first, without reasons (a recompute passes every customer here); the reasons only for a move:
        // the events carry the new side's
        CustomerInsight was = of(previous, before, signals, false);
        CustomerInsight is = of(run, after, signals, false);
        if (was.stage() != is.stage() || is.churnRisk().level().compareTo(was.churnRisk().level()) > 0
                || was.relationship().level() != is.relationship().level()) {
            publishChanges(lifecycleEvents, run, customerId, was, of(run, after, signals, true));
        }
    }

    private CustomerInsight of(ScoringRun run, StoredScore stored, CustomerSignals customerSignals, boolean explained) {
        return CustomerInsight.of(stored == null ? null : stored.score(), stored == null ? SpendTrend.NONE : stored.trend(),
                customerSignals, run.asOf(), scoring.zone(), policy, explained);
    }

    private static void publishChanges(LifecycleEventPublisher events, ScoringRun run, UUID customerId,
            CustomerInsight before, CustomerInsight after) {
        if (before.stage() != after.stage()) {
            events.lifecycleStageChanged(customerId, run.asOf(), before, after);
        }
        if (after.churnRisk().level().compareTo(before.churnRisk().level()) > 0) {
            events.churnRiskRaised(customerId, run.asOf(), before, after);
        }
        if (before.relationship().level() != after.relationship().level()) {
            events.relationshipLevelChanged(customerId, run.asOf(), before, after);
        }
    }
}
