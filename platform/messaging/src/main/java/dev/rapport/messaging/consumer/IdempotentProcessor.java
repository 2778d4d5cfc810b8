package dev.rapport.messaging.consumer;

import dev.rapport.events.CloudEvent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Applies an event at most once per consumer group: the event id is recorded and the handler runs in
 * one new transaction, so either both commit or neither does, and a second delivery finds the id.
 */
@ApplicationScoped
class IdempotentProcessor {

    private static final String RECORD_PROCESSED = """
            INSERT INTO rapport_processed_event (consumer_group, event_id) VALUES (?, ?)
            ON CONFLICT DO NOTHING""";

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
                if (!recordProcessed(handler.consumerGroup(), event.id())) {
                    return false;
                }
                handler.handle(event);
                return true;
            });
        } finally {
            requestContext.terminate();
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
