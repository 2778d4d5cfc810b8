package dev.rapport.segmentation.adapter.out.messaging;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
 * segmentation's events on {@code rapport.segmentation.events} through the outbox; key = customer id. An
 * incremental change's events are gathered and written with one statement at its commit; a recompute's batch
 * collects them and writes each batch with one COPY. Both write the change events' JSON directly.
 */
@ApplicationScoped
public class OutboxSegmentationEventPublisher implements ScoreEventPublisher, ErasureEventPublisher,
        LifecycleEventPublisher, RecomputeEventPublisher {

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
        atCommit().segmentChanged(run, from, after);
    }

    @Override
    public void abcClassChanged(ScoringRun run, AbcClass from, CustomerScore after) {
        atCommit().abcClassChanged(run, from, after);
    }

    @Override
    public void erasureConfirmed(UUID customerId, UUID erasureId, Instant confirmedAt) {
        outbox.appendAtCommit(Topics.SEGMENTATION_EVENTS, CloudEvent.of(SegmentationEvents.SOURCE,
                ErasureConfirmed.type(CONTEXT), customerId.toString(),
                new ErasureConfirmed(customerId, erasureId, SERVICE, confirmedAt)));
    }

    @Override
    public void lifecycleStageChanged(UUID customerId, LocalDate asOf, CustomerInsight before, CustomerInsight after) {
        atCommit().lifecycleStageChanged(customerId, asOf, before, after);
    }

    @Override
    public void churnRiskRaised(UUID customerId, LocalDate asOf, CustomerInsight before, CustomerInsight after) {
        atCommit().churnRiskRaised(customerId, asOf, before, after);
    }

    @Override
    public void relationshipLevelChanged(UUID customerId, LocalDate asOf, CustomerInsight before,
            CustomerInsight after) {
        atCommit().relationshipLevelChanged(customerId, asOf, before, after);
    }

    @Override
    public Batch batch() {
        return new OutboxBatch(policy, clock, outbox);
    }

    /** A re-score emits up to five events one by one: gathered and written with one statement before the commit. */
    private ChangeEvents atCommit() {
        return new ChangeEvents(policy, clock) {
            @Override
            void row(UUID id, UUID customerId, String type, String json) {
                outbox.appendAtCommit(Topics.SEGMENTATION_EVENTS, id, customerId.toString(), type, json);
            }
        };
    }

    /**
     * The five change events with their JSON written directly ({@link ChangeEventJson}: no record, tree and
     * serialiser per event), each handed to {@link #row} as an outbox row keyed by customer.
     */
    abstract static class ChangeEvents implements ScoreEventPublisher, LifecycleEventPublisher {

        private final ScoringPolicy policy;
        private final Clock clock;
        private final ChangeEventJson json = new ChangeEventJson();
        private UUID id;

        ChangeEvents(ScoringPolicy policy, Clock clock) {
            this.policy = policy;
            this.clock = clock;
        }

        abstract void row(UUID id, UUID customerId, String type, String json);

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
            row(id, customerId, type, payload);
        }
    }

    /**
     * Collects a recompute's events as outbox rows ({@link OutboxWriter.Prepared#add}); each flush is one COPY in
     * the caller's transaction. The rows are those {@link OutboxWriter#appendAll} writes: the relay publishes them
     * in id order, keyed by customer.
     */
    static final class OutboxBatch extends ChangeEvents implements Batch {

        private final OutboxWriter outbox;
        private OutboxWriter.Prepared rows;

        private OutboxBatch(ScoringPolicy policy, Clock clock, OutboxWriter outbox) {
            super(policy, clock);
            this.outbox = outbox;
            this.rows = outbox.prepare(Topics.SEGMENTATION_EVENTS, List.of());
        }

        @Override
        void row(UUID id, UUID customerId, String type, String json) {
            rows.add(id, customerId.toString(), type, json);
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
