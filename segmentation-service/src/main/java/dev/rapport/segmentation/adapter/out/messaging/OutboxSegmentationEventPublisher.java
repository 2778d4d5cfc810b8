package dev.rapport.segmentation.adapter.out.messaging;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.Topics;
import dev.rapport.events.privacy.ErasureConfirmed;
import dev.rapport.events.segmentation.AbcClassChanged;
import dev.rapport.events.segmentation.ChurnRiskRaised;
import dev.rapport.events.segmentation.LifecycleStageChanged;
import dev.rapport.events.segmentation.RelationshipLevelChanged;
import dev.rapport.events.segmentation.SegmentChanged;
import dev.rapport.events.segmentation.SegmentationEvents;
import dev.rapport.kernel.WireNames;
import dev.rapport.messaging.outbox.OutboxWriter;
import dev.rapport.segmentation.application.port.out.customer.ErasureEventPublisher;
import dev.rapport.segmentation.application.port.out.lifecycle.LifecycleEventPublisher;
import dev.rapport.segmentation.domain.lifecycle.CustomerInsight;
import dev.rapport.segmentation.application.port.out.score.ScoreEventPublisher;
import dev.rapport.segmentation.domain.score.AbcClass;
import dev.rapport.segmentation.domain.score.CustomerScore;
import dev.rapport.segmentation.domain.score.Segment;
import dev.rapport.segmentation.domain.score.ScoringPolicy;
import dev.rapport.segmentation.domain.score.ScoringRun;

/** segmentation's events on {@code rapport.segmentation.events} through the outbox; key = customer id. */
@ApplicationScoped
public class OutboxSegmentationEventPublisher implements ScoreEventPublisher, ErasureEventPublisher,
        LifecycleEventPublisher {

    static final String CONTEXT = "segmentation";
    static final String SERVICE = "segmentation-service";

    private final OutboxWriter outbox;
    private final ScoringPolicy policy;
    private final Clock clock;

    public OutboxSegmentationEventPublisher(OutboxWriter outbox, ScoringPolicy policy, Clock clock) {
        this.outbox = outbox;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public void segmentChanged(ScoringRun run, Segment from, CustomerScore after) {
        append(after.customerId(), SegmentChanged.TYPE, new SegmentChanged(after.customerId(),
                from == null ? null : WireNames.of(from), WireNames.of(after.segment()), after.r(),
                after.f(), after.m(), run.asOf(), clock.instant()));
    }

    @Override
    public void abcClassChanged(ScoringRun run, AbcClass from, CustomerScore after) {
        append(after.customerId(), AbcClassChanged.TYPE, new AbcClassChanged(after.customerId(),
                from == null ? null : from.name(), after.abcClass().name(), after.values().monetary(),
                policy.currency(), run.asOf(), clock.instant()));
    }

    @Override
    public void erasureConfirmed(UUID customerId, UUID erasureId, Instant confirmedAt) {
        append(customerId, ErasureConfirmed.type(CONTEXT),
                new ErasureConfirmed(customerId, erasureId, SERVICE, confirmedAt));
    }

    @Override
    public void lifecycleStageChanged(UUID customerId, LocalDate asOf, CustomerInsight before, CustomerInsight after) {
        append(customerId, LifecycleStageChanged.TYPE, new LifecycleStageChanged(customerId, WireNames.of(before.stage()),
                WireNames.of(after.stage()), asOf, clock.instant()));
    }

    @Override
    public void churnRiskRaised(UUID customerId, LocalDate asOf, CustomerInsight before, CustomerInsight after) {
        append(customerId, ChurnRiskRaised.TYPE, new ChurnRiskRaised(customerId,
                WireNames.of(before.churnRisk().level()), WireNames.of(after.churnRisk().level()),
                after.churnRisk().reasons(), asOf, clock.instant()));
    }

    @Override
    public void relationshipLevelChanged(UUID customerId, LocalDate asOf, CustomerInsight before,
            CustomerInsight after) {
        append(customerId, RelationshipLevelChanged.TYPE, new RelationshipLevelChanged(customerId,
                before.relationship().level(), after.relationship().level(), after.relationship().name(),
                after.relationship().reasons(), asOf, clock.instant()));
    }

    private void append(UUID customerId, String type, Object data) {
        outbox.append(Topics.SEGMENTATION_EVENTS,
                CloudEvent.of(SegmentationEvents.SOURCE, type, customerId.toString(), data));
    }
}
