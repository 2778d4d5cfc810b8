package dev.rapport.segmentation.adapter.out.messaging;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

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
import dev.rapport.kernel.TimeOrderedIds;
import dev.rapport.kernel.WireNames;
import dev.rapport.messaging.outbox.OutboxWriter;
import dev.rapport.segmentation.application.port.out.customer.ErasureEventPublisher;
import dev.rapport.segmentation.application.port.out.lifecycle.LifecycleEventPublisher;
import dev.rapport.segmentation.application.port.out.recompute.RecomputeEventPublisher;
import dev.rapport.segmentation.domain.lifecycle.CustomerInsight;
import dev.rapport.segmentation.application.port.out.score.ScoreEventPublisher;
import dev.rapport.segmentation.domain.score.AbcClass;
import dev.rapport.segmentation.domain.score.CustomerScore;
import dev.rapport.segmentation.domain.score.Segment;
import dev.rapport.segmentation.domain.score.ScoringPolicy;
import dev.rapport.segmentation.domain.score.ScoringRun;

/**
 * segmentation's events on {@code rapport.segmentation.events} through the outbox; key = customer id. One at a
 * time for an incremental change; a recompute's batch collects them and writes each batch with one COPY.
 */
@ApplicationScoped
public class OutboxSegmentationEventPublisher implements ScoreEventPublisher, ErasureEventPublisher,
        LifecycleEventPublisher, RecomputeEventPublisher {

    static final String CONTEXT = "segmentation";
    static final String SERVICE = "segmentation-service";

    private final OutboxWriter outbox;
    private final Events events;

    public OutboxSegmentationEventPublisher(OutboxWriter outbox, ScoringPolicy policy, Clock clock) {
        this.outbox = outbox;
        this.events = new Events(policy, clock, event -> outbox.append(Topics.SEGMENTATION_EVENTS, event));
    }

    @Override
    public void segmentChanged(ScoringRun run, Segment from, CustomerScore after) {
        events.segmentChanged(run, from, after);
    }

    @Override
    public void abcClassChanged(ScoringRun run, AbcClass from, CustomerScore after) {
        events.abcClassChanged(run, from, after);
    }

    @Override
    public void erasureConfirmed(UUID customerId, UUID erasureId, Instant confirmedAt) {
        events.sink.accept(CloudEvent.of(SegmentationEvents.SOURCE, ErasureConfirmed.type(CONTEXT),
                customerId.toString(), new ErasureConfirmed(customerId, erasureId, SERVICE, confirmedAt)));
    }

    @Override
    public void lifecycleStageChanged(UUID customerId, LocalDate asOf, CustomerInsight before, CustomerInsight after) {
        events.lifecycleStageChanged(customerId, asOf, before, after);
    }

    @Override
    public void churnRiskRaised(UUID customerId, LocalDate asOf, CustomerInsight before, CustomerInsight after) {
        events.churnRiskRaised(customerId, asOf, before, after);
    }

    @Override
    public void relationshipLevelChanged(UUID customerId, LocalDate asOf, CustomerInsight before,
            CustomerInsight after) {
        events.relationshipLevelChanged(customerId, asOf, before, after);
    }

    @Override
    public Batch batch() {
        return new OutboxBatch(events.policy, events.clock, outbox);
    }

    /** The five change events, built and handed to a sink (the outbox row by row, or a batch's list). */
    static class Events implements ScoreEventPublisher, LifecycleEventPublisher {

        final ScoringPolicy policy;
        final Clock clock;
        final Consumer<CloudEvent> sink;

        Events(ScoringPolicy policy, Clock clock, Consumer<CloudEvent> sink) {
            this.policy = policy;
            this.clock = clock;
            this.sink = sink;
        }

        @Override
        public void segmentChanged(ScoringRun run, Segment from, CustomerScore after) {
            emit(after.customerId(), SegmentChanged.TYPE, new SegmentChanged(after.customerId(),
                    from == null ? null : WireNames.of(from), WireNames.of(after.segment()), after.r(),
                    after.f(), after.m(), run.asOf(), clock.instant()));
        }

        @Override
        public void abcClassChanged(ScoringRun run, AbcClass from, CustomerScore after) {
            emit(after.customerId(), AbcClassChanged.TYPE, new AbcClassChanged(after.customerId(),
                    from == null ? null : from.name(), after.abcClass().name(), after.values().monetary(),
                    policy.currency(), run.asOf(), clock.instant()));
        }

        @Override
        public void lifecycleStageChanged(UUID customerId, LocalDate asOf, CustomerInsight before,
                CustomerInsight after) {
            emit(customerId, LifecycleStageChanged.TYPE, new LifecycleStageChanged(customerId,
                    WireNames.of(before.stage()), WireNames.of(after.stage()), asOf, clock.instant()));
        }

        @Override
        public void churnRiskRaised(UUID customerId, LocalDate asOf, CustomerInsight before, CustomerInsight after) {
            emit(customerId, ChurnRiskRaised.TYPE, new ChurnRiskRaised(customerId,
                    WireNames.of(before.churnRisk().level()), WireNames.of(after.churnRisk().level()),
                    after.churnRisk().reasons(), asOf, clock.instant()));
        }

        @Override
        public void relationshipLevelChanged(UUID customerId, LocalDate asOf, CustomerInsight before,
                CustomerInsight after) {
            emit(customerId, RelationshipLevelChanged.TYPE, new RelationshipLevelChanged(customerId,
                    before.relationship().level(), after.relationship().level(), after.relationship().name(),
                    after.relationship().reasons(), asOf, clock.instant()));
        }

        private void emit(UUID customerId, String type, Object data) {
            sink.accept(CloudEvent.of(SegmentationEvents.SOURCE, type, customerId.toString(), data));
        }
    }

    /**
     * Collects a recompute's events as outbox rows, their JSON written directly ({@link OutboxWriter.Prepared#add});
     * each flush is one COPY in the caller's transaction. The rows are those {@link OutboxWriter#appendAll} writes: the relay
     * publishes them in id order, keyed by customer.
     */
    static final class OutboxBatch implements Batch {

        private final ScoringPolicy policy;
        private final Clock clock;
        private final OutboxWriter outbox;
        private final ChangeEventJson json = new ChangeEventJson();
        private OutboxWriter.Prepared rows;
        private UUID id;

        private OutboxBatch(ScoringPolicy policy, Clock clock, OutboxWriter outbox) {
            this.policy = policy;
            this.clock = clock;
            this.outbox = outbox;
            this.rows = outbox.prepare(Topics.SEGMENTATION_EVENTS, List.of());
        }

        @Override
        public void segmentChanged(ScoringRun run, Segment from, CustomerScore after) {
            row(after.customerId(), SegmentChanged.TYPE, start(SegmentChanged.TYPE, after.customerId())
                    .field("from", from == null ? null : WireNames.of(from)).field("to", WireNames.of(after.segment()))
                    .field("r", after.r()).field("f", after.f()).field("m", after.m()).field("asOf", run.asOf())
                    .field("changedAt", clock.instant()).end());
        }

        @Override
        public void abcClassChanged(ScoringRun run, AbcClass from, CustomerScore after) {
            row(after.customerId(), AbcClassChanged.TYPE, start(AbcClassChanged.TYPE, after.customerId())
                    .field("from", from == null ? null : from.name()).field("to", after.abcClass().name())
                    .field("monetary", after.values().monetary()).field("currency", policy.currency())
                    .field("asOf", run.asOf()).field("changedAt", clock.instant()).end());
        }

        @Override
        public void lifecycleStageChanged(UUID customerId, LocalDate asOf, CustomerInsight before,
                CustomerInsight after) {
            row(customerId, LifecycleStageChanged.TYPE, start(LifecycleStageChanged.TYPE, customerId)
                    .field("from", WireNames.of(before.stage())).field("to", WireNames.of(after.stage()))
                    .field("asOf", asOf).field("changedAt", clock.instant()).end());
        }

        @Override
        public void churnRiskRaised(UUID customerId, LocalDate asOf, CustomerInsight before, CustomerInsight after) {
            row(customerId, ChurnRiskRaised.TYPE, start(ChurnRiskRaised.TYPE, customerId)
                    .field("from", WireNames.of(before.churnRisk().level()))
                    .field("to", WireNames.of(after.churnRisk().level())).field("reasons", after.churnRisk().reasons())
                    .field("asOf", asOf).field("changedAt", clock.instant()).end());
        }

        @Override
        public void relationshipLevelChanged(UUID customerId, LocalDate asOf, CustomerInsight before,
                CustomerInsight after) {
            row(customerId, RelationshipLevelChanged.TYPE, start(RelationshipLevelChanged.TYPE, customerId)
                    .field("from", before.relationship().level()).field("to", after.relationship().level())
                    .field("name", after.relationship().name()).field("reasons", after.relationship().reasons())
                    .field("asOf", asOf).field("changedAt", clock.instant()).end());
        }

        private ChangeEventJson start(String type, UUID customerId) {
            // time-ordered: millions of rows in one swap land at the end of the outbox's event-id index instead of
            // at random pages of it
            id = TimeOrderedIds.next();
            return json.start(id, type, customerId, Instant.now());
        }

        private void row(UUID customerId, String type, String payload) {
            rows.add(id, customerId.toString(), type, payload);
        }

        @Override
        public int pending() {
            return rows.size();
        }

        @Override
        public int flush() {
            int written = pending();
            if (written > 0) {
                outbox.appendAll(rows, List.of()); // in the caller's transaction
                rows = outbox.prepare(Topics.SEGMENTATION_EVENTS, List.of());
            }
            return written;
        }
    }
}
