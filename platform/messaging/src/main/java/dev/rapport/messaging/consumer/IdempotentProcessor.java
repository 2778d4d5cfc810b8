package dev.rapport.messaging.consumer;

import dev.rapport.events.CloudEvent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Applies an event at most once per consumer group: the event id is recorded and the handler runs in
 * one new transaction, so either both commit or neither does, and a second delivery finds the id. Types
 * the handler declares idempotent by themselves ({@link EventHandler#recordsProcessed}) are applied
 * without a recorded id.
 */
@ApplicationScoped
class IdempotentProcessor {

    private static final String RECORD_PROCESSED = """
            INSERT INTO rapport_processed_event (consumer_group, event_id) VALUES (?, ?)
            ON CONFLICT DO NOTHING""";
    // Ids in sorted order: two transactions recording overlapping batches lock rows in the same order.
    private static final String RECORD_ALL_PROCESSED = """
            INSERT INTO rapport_processed_event (consumer_group, event_id)
            SELECT ?, id FROM unnest(?::uuid[]) AS ids(id) ORDER BY id
            ON CONFLICT DO NOTHING RETURNING event_id""";

    private final AgroalDataSource dataSource;

    IdempotentProcessor(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @return {@code false} when the group had already processed this event (nothing was done)
     * @throws ProcessedEventStoreException when the id cannot be recorded (database unavailable)
     */
    boolean process(EventHandler handler, CloudEvent event) {
        // Handlers may use request-scoped beans (e.g. an ORM session), as they could in a REST call.
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                // Concurrent deliveries of one event (e.g. during a rebalance) serialise on this row:
                // the second insert waits for the first transaction and then finds the id.
                if (handler.recordsProcessed(event.type()) && !recordProcessed(handler.consumerGroup(), event.id())) {
                    return false;
                }
                handler.handle(event);
                return true;
            });
        } finally {
            requestContext.terminate();
        }
    }

    /**
     * Batch mode: records the ids of all {@code events} in one statement and hands those not processed
     * before (first copy of each) to {@link EventHandler#handleAll}, all in one new transaction.
     *
     * @return how many events were applied (the others had been processed already)
     * @throws RuntimeException anything the handler or the database threw; nothing of the batch is kept
     */
    int processAll(EventHandler handler, List<CloudEvent> events) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Set<UUID> fresh = recordAllProcessed(handler.consumerGroup(),
                        events.stream().filter(e -> handler.recordsProcessed(e.type())).toList());
                Set<UUID> unrecorded = new HashSet<>();
                List<CloudEvent> apply = new ArrayList<>(events.size());
                for (CloudEvent event : events) {
                    // remove / add: a second copy of an id inside the batch finds it gone (or seen) and is skipped
                    if (handler.recordsProcessed(event.type()) ? fresh.remove(event.id()) : unrecorded.add(event.id())) {
                        apply.add(event);
                    }
                }
                if (!apply.isEmpty()) {
                    handler.handleAll(apply);
                }
                return apply.size();
            });
        } finally {
            requestContext.terminate();
        }
    }

    private Set<UUID> recordAllProcessed(String consumerGroup, List<CloudEvent> events) {
        if (events.isEmpty()) {
            return new HashSet<>();
        }
        UUID[] ids = events.stream().map(CloudEvent::id).distinct().toArray(UUID[]::new);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(RECORD_ALL_PROCESSED)) {
            insert.setString(1, consumerGroup);
            insert.setArray(2, connection.createArrayOf("uuid", ids));
            Set<UUID> inserted = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getObject(1, UUID.class));
                }
            }
            return inserted;
        } catch (SQLException e) {
            throw new ProcessedEventStoreException(e);
        }
    }

    private boolean recordProcessed(String consumerGroup, UUID eventId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(RECORD_PROCESSED)) {
            insert.setString(1, consumerGroup);
            insert.setObject(2, eventId);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new ProcessedEventStoreException(e);
        }
    }
}
