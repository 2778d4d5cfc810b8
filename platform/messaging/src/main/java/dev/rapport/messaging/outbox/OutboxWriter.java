package dev.rapport.messaging.outbox;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.messaging.jdbc.BinaryCopyRows;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * Appends events to the transactional outbox. The row is written through the default datasource
 * inside the caller's JTA transaction, so it commits or rolls back together with the state change
 * it describes; the relay publishes it to Kafka after the commit. Plain JDBC, so it works the same
 * whether the service persists with Panache, Hibernate or JDBC.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final String INSERT = """
            INSERT INTO rapport_outbox (event_id, topic, message_key, event_type, payload)
            VALUES (?, ?, ?, ?, ?::jsonb)""";
    // One COPY for a whole list: rows take ids from the sequence in the order they are sent, so ids
    // (and with them the relay's publishing order) follow the list. Binary, so payloads need no
    // escaping here and no array parsing in the server. COPY fires the statement trigger that
    // wakes the relay, as INSERT does.
    private static final String COPY_ALL = """
            COPY rapport_outbox (event_id, topic, message_key, event_type, payload) FROM STDIN WITH (FORMAT binary)""";

    /** Rows are sent in pieces of about this size: a few per import chunk, each a single write. */
    private static final int PIECE_BYTES = 32 * 1024;

    private final AgroalDataSource dataSource;

    public OutboxWriter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Schedules {@code event} for publication on {@code topic} with the event's subject as the
     * message key, so all events of one subject keep their order on one partition.
     *
     * @throws jakarta.transaction.TransactionalException when no transaction is active: an event
     *         written outside the state change's transaction could be published for a change that
     *         never happened, or lost for one that did
     * @throws OutboxException when the row cannot be written (e.g. the event id was appended before);
     *         the caller's transaction then rolls back
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, CloudEvent event) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic is required");
        }
        Objects.requireNonNull(event, "event");
        // Closing the connection inside the transaction only hands it back to the transaction;
        // Agroal keeps it enlisted until commit or rollback.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, event.id());
            insert.setString(2, topic);
            insert.setString(3, event.subject());
            insert.setString(4, event.type());
            insert.setString(5, EventJson.toJson(event));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxException("cannot append event " + event.id() + " to the outbox: " + e.getMessage(), e);
        }
    }

    /**
     * Schedules {@code events} for publication on {@code topic}, in list order, as {@link #append}
     * does for each, but with one statement (one round trip) for the whole list: for bulk writes
     * such as imports, where thousands of events commit with one transaction.
     *
     * @throws jakarta.transaction.TransactionalException when no transaction is active
     * @throws OutboxException when the rows cannot be written (e.g. one event id was appended before,
     *         or appears twice in the list); none of them is stored and the caller's transaction rolls back
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(String topic, List<CloudEvent> events) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic is required");
        }
        Objects.requireNonNull(events, "events");
        if (events.isEmpty()) {
            return;
        }
        int size = events.size();
        // The rows go out in pieces while the next events are serialised, so PostgreSQL stores (and
        // parses the JSON of) one piece while this thread writes the next: for the thousands of events
        // of an import chunk the two halves of the work overlap instead of running one after the other.
        BinaryCopyRows rows = new BinaryCopyRows(5, (int) Math.min(size * 1024L, PIECE_BYTES) + 4096);
        try (Connection connection = dataSource.getConnection()) {
            CopyIn copy = BinaryCopyRows.open(connection, COPY_ALL);
            try {
                for (int i = 0; i < size; i++) {
                    CloudEvent event = Objects.requireNonNull(events.get(i), "events[" + i + "]");
                    rows.row().uuid(event.id()).text(topic).text(event.subject()).text(event.type())
                            .jsonb(EventJson.toJson(event));
                    if (rows.pendingBytes() >= PIECE_BYTES) {
                        rows.send(copy);
                    }
                }
                rows.end(copy);
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy(); // an event that cannot be serialised: nothing of the list is stored
                }
            }
        } catch (SQLException e) {
            throw new OutboxException("cannot append " + size + " events to the outbox: " + e.getMessage(), e);
        }
    }
}
