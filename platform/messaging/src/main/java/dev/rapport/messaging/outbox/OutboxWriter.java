package dev.rapport.messaging.outbox;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.messaging.jdbc.BeforeCommit;
import dev.rapport.messaging.jdbc.BinaryCopyRows;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

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
            VALUES (?, ?, ?, ?, ?::json)""";
    // One COPY for a whole list: rows take ids from the sequence in the order they are sent, so ids
    // (and with them the relay's publishing order) follow the list. Binary, so payloads need no
    // escaping here and no array parsing in the server. COPY fires the statement trigger that
    // wakes the relay, as INSERT does.
    private static final String COPY_ALL = """
            COPY rapport_outbox (event_id, topic, message_key, event_type, payload) FROM STDIN WITH (FORMAT binary)""";

    // A few rows in one statement and one round trip (a COPY takes two); the sort gives the ids list order.
    private static final String INSERT_ALL = """
            INSERT INTO rapport_outbox (event_id, topic, message_key, event_type, payload)
            SELECT e, t, k, y, p::json
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS r (e, t, k, y, p, n)
            ORDER BY n""";
    /** Up to this many events gathered for the commit go in one INSERT; more in one COPY. */
    private static final int INSERT_ALL_MAX = 64;

    /** Rows are sent in pieces of about this size: a few per import chunk, each a single write. */
    private static final int PIECE_BYTES = 32 * 1024;

    private final AgroalDataSource dataSource;
    private final BeforeCommit<Gathered> gathered;

    public OutboxWriter(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.gathered = new BeforeCommit<>(transactions, this::writeGathered);
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
        requireTopic(topic);
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
     * Schedules {@code event} as {@link #append} does, but writes it together with the other events the
     * transaction gathers this way, with one statement just before the commit: for a transaction that
     * emits a few events one by one (a consumer re-scoring a customer), one round trip instead of one
     * per event. The gathered events keep their order among themselves; they are stored after whatever
     * the transaction appended directly.
     *
     * @throws jakarta.transaction.TransactionalException when no transaction is active
     * @throws OutboxException (at the commit, which then rolls back) when the rows cannot be written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAtCommit(String topic, CloudEvent event) {
        Objects.requireNonNull(event, "event");
        appendAtCommit(topic, event.id(), event.subject(), event.type(), EventJson.toJson(event));
    }

    /**
     * As {@link #appendAtCommit(String, CloudEvent)}, for an event whose CloudEvents JSON the caller wrote
     * itself (see {@link Prepared#add}): the row for an event with this id, subject (the message key), type
     * and JSON.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAtCommit(String topic, UUID eventId, String subject, String type, String json) {
        requireTopic(topic);
        Gathered row = new Gathered(topic, Objects.requireNonNull(eventId, "eventId"), subject,
                Objects.requireNonNull(type, "type"), Objects.requireNonNull(json, "json"));
        gathered.items().add(row);
    }

    private record Gathered(String topic, UUID eventId, String subject, String type, String json) {
    }

    private void writeGathered(List<Gathered> gathered) {
        int n = gathered.size();
        if (n > INSERT_ALL_MAX) {
            BinaryCopyRows rows = new BinaryCopyRows(5, PIECE_BYTES + 4096);
            for (Gathered g : gathered) {
                rows.row().uuid(g.eventId()).text(g.topic()).text(g.subject()).text(g.type()).json(g.json());
            }
            write(rows, n, null, List.of());
            return;
        }
        Object[] ids = new Object[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            Gathered g = gathered.get(i);
            ids[i] = g.eventId();
            topics[i] = g.topic();
            keys[i] = g.subject();
            types[i] = g.type();
            payloads[i] = g.json();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT_ALL)) {
            insert.setArray(1, connection.createArrayOf("uuid", ids));
            insert.setArray(2, connection.createArrayOf("text", topics));
            insert.setArray(3, connection.createArrayOf("text", keys));
            insert.setArray(4, connection.createArrayOf("text", types));
            insert.setArray(5, connection.createArrayOf("text", payloads));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxException("cannot append " + n + " events to the outbox: " + e.getMessage(), e);
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
        requireTopic(topic);
        Objects.requireNonNull(events, "events");
        if (events.isEmpty()) {
            return;
        }
        write(new BinaryCopyRows(5, (int) Math.min(events.size() * 1024L, PIECE_BYTES) + 4096), 0, topic, events);
    }

    /**
     * Serialises {@code events} for a later {@link #appendAll(Prepared, List)}, without touching the
     * database or needing a transaction: a bulk writer prepares them while the database is busy with
     * a statement of its own (an import chunk: while PostgreSQL stores the purchases' lines).
     */
    public Prepared prepare(String topic, List<CloudEvent> events) {
        requireTopic(topic);
        Objects.requireNonNull(events, "events");
        BinaryCopyRows rows = new BinaryCopyRows(5, events.size() * 1024);
        for (int i = 0; i < events.size(); i++) {
            encode(rows, topic, Objects.requireNonNull(events.get(i), "events[" + i + "]"));
        }
        return new Prepared(topic, rows, events.size());
    }

    /**
     * Schedules the {@code prepared} events and then {@code more} on the same topic, in that order,
     * with one statement, as {@link #appendAll(String, List)} does for one list. A prepared list is
     * appended once.
     *
     * @throws IllegalStateException when {@code prepared} was appended before
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(Prepared prepared, List<CloudEvent> more) {
        Objects.requireNonNull(prepared, "prepared");
        Objects.requireNonNull(more, "more");
        if (prepared.appended) {
            throw new IllegalStateException("these prepared events were appended before");
        }
        prepared.appended = true;
        if (prepared.size == 0 && more.isEmpty()) {
            return;
        }
        write(prepared.rows, prepared.size, prepared.topic, more);
    }

    /** Events of one topic serialised into outbox rows by {@link #prepare}, waiting to be appended. */
    public static final class Prepared {
        private final String topic;
        private final BinaryCopyRows rows;
        private int size;
        private boolean appended;

        private Prepared(String topic, BinaryCopyRows rows, int size) {
            this.topic = topic;
            this.rows = rows;
            this.size = size;
        }

        /**
         * Adds an event whose CloudEvents JSON the caller wrote itself, for a bulk writer of millions of
         * events where building each {@link CloudEvent} and its tree is the cost: the row {@link #prepare}
         * writes for an event with this id, subject (the message key), type and JSON.
         *
         * @throws IllegalStateException when these events were appended already
         */
        public void add(UUID eventId, String subject, String type, String json) {
            if (appended) {
                throw new IllegalStateException("these prepared events were appended before");
            }
            rows.row().uuid(Objects.requireNonNull(eventId, "eventId")).text(topic).text(subject)
                    .text(Objects.requireNonNull(type, "type")).json(Objects.requireNonNull(json, "json"));
            size++;
        }

        public int size() {
            return size;
        }
    }

    /**
     * One COPY of the rows already in {@code rows} followed by {@code more} on {@code topic} (null when
     * there are none). The rows go out in pieces while the next events are serialised, so PostgreSQL
     * stores (and parses the JSON of) one piece while this thread writes the next: for the thousands
     * of events of an import chunk the two halves of the work overlap instead of running one after the
     * other.
     */
    private void write(BinaryCopyRows rows, int encoded, String topic, List<CloudEvent> more) {
        int size = encoded + more.size();
        try (Connection connection = dataSource.getConnection()) {
            CopyIn copy = BinaryCopyRows.open(connection, COPY_ALL);
            try {
                if (rows.pendingBytes() >= PIECE_BYTES) {
                    rows.send(copy);
                }
                for (int i = 0; i < more.size(); i++) {
                    encode(rows, topic, Objects.requireNonNull(more.get(i), "events[" + (encoded + i) + "]"));
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

    private static void encode(BinaryCopyRows rows, String topic, CloudEvent event) {
        rows.row().uuid(event.id()).text(topic).text(event.subject()).text(event.type()).json(EventJson.toJson(event));
    }

    private static void requireTopic(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic is required");
        }
    }
}
