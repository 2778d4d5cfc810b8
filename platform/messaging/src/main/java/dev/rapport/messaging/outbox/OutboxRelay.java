package dev.rapport.messaging.outbox;

import dev.rapport.events.CloudEvent;
import dev.rapport.messaging.internal.StopSignal;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes outbox rows to Kafka, oldest first, on a thread of its own.
 *
 * <p>It works on a dedicated database session (not a pooled connection): that session holds the
 * advisory lock that makes it the only relay of the database, listens for the commit notifications
 * of {@code rapport_outbox}, and releases the lock by itself when the process or the connection dies.
 * A relay without the lock retries every {@code lockRetryInterval}.
 *
 * <p>A round reads up to {@code batchSize} unpublished rows in id order and sends them in one Kafka
 * transaction; only after the commit are they marked published. After a round that sent more than one
 * row the relay waits {@code linger} before the next one, so a stream of small commits (a bulk import) is
 * published in a few larger transactions; the first commit after a quiet spell, and every commit of a
 * stream slower than the rounds (one row per round), goes out at once. When the round fails (broker gone,
 * a batch expired, the producer fenced) the transaction is aborted, every row stays pending and the
 * round is retried after a backoff, so a Kafka outage only delays events and never reorders a key.
 * Delivery is at least once: a round committed to Kafka but not marked (crash or lost database in
 * between) is sent again, and idempotent consumers drop the repeat.
 */
public final class OutboxRelay {

    /** Channel notified by the trigger on {@code rapport_outbox} at every commit that appended rows. */
    static final String CHANNEL = "rapport_outbox";
    /** Advisory lock id of the relay: the ASCII bytes of "rapport" followed by 1. Scoped to the database. */
    static final long LOCK_ID = 0x7261_7070_6f72_7401L;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CONTENT_TYPE_HEADER = "content-type";
    /** The outbox row a record came from: how a new leader recognises a round Kafka has but the table does not. */
    static final String OUTBOX_ID_HEADER = "rapport-outbox-id";
    private static final byte[] STRUCTURED_CONTENT_TYPE =
            CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);
    private static final int PURGE_CHUNK = 10_000;
    private static final String SEQSCAN_OFF = "SET enable_seqscan = off";

    static final String SELECT_PENDING = """
            SELECT id, topic, message_key, payload::text
            FROM rapport_outbox WHERE published_at IS NULL ORDER BY id LIMIT ?""";
    static final String MARK_PUBLISHED = "UPDATE rapport_outbox SET published_at = now() WHERE id = ANY (?)";
    // Deleting in chunks keeps each transaction (and its locks and WAL burst) small.
    private static final String PURGE_OUTBOX = """
            DELETE FROM rapport_outbox WHERE id IN (
                SELECT id FROM rapport_outbox WHERE published_at < ? ORDER BY id LIMIT ?)""";
    private static final String PURGE_PROCESSED = """
            DELETE FROM rapport_processed_event WHERE (consumer_group, event_id) IN (
                SELECT consumer_group, event_id FROM rapport_processed_event WHERE processed_at < ? LIMIT ?)""";

    private final RelaySettings settings;
    private final String name;
    private final StopSignal stop = new StopSignal();
    private final Thread thread;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong lockAttempts = new AtomicLong();
    private final AtomicLong failedRounds = new AtomicLong();
    private volatile boolean leader;

    // Owned by the relay thread only.
    private Connection connection;
    private Producer<String, byte[]> producer;
    private Instant nextPurge = Instant.MIN;

    public OutboxRelay(RelaySettings settings, String name) {
        this.settings = settings;
        this.name = name;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /**
     * Stops the relay: the current round finishes (bounded by {@code shutdownTimeout}), then the
     * producer and the session (and with it the lock) are closed.
     */
    public void stop() {
        stop.raise();
        try {
            thread.join(settings.shutdownTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warnf("%s did not stop within %s; abandoning its outstanding sends", name, settings.shutdownTimeout());
            thread.interrupt();
        }
    }

    /** Whether this relay currently holds the lock and publishes. */
    public boolean isLeader() {
        return leader;
    }

    /** Rows this relay has published and marked since it started. */
    public long publishedCount() {
        return published.get();
    }

    /** Rounds (Kafka transactions) this relay has committed since it started. */
    public long roundCount() {
        return rounds.get();
    }

    /** Rounds that could not send every row they read (Kafka unavailable or slow). */
    public long failedRounds() {
        return failedRounds.get();
    }

    /** How often this relay has asked for the lock. */
    public long lockAttempts() {
        return lockAttempts.get();
    }

    private void run() {
        int failures = 0;
        try {
            while (!stop.isRaised()) {
                try {
                    if (!leader && !becomeLeader()) {
                        stop.pause(settings.lockRetryInterval());
                        continue;
                    }
                    int sent = publishPending();
                    failures = 0;
                    if (sent < settings.batchSize()) {
                        purgeIfDue();
                        if (sent > 1 && !settings.linger().isZero()) {
                            // A burst: let the commits behind this round gather into the next one. A round of
                            // one row means commits come slower than rounds: the next goes out at once (a lone
                            // request's event should not wait for a burst that is not there).
                            stop.pause(settings.linger());
                        }
                        awaitCommit();
                    }
                } catch (SQLException e) {
                    failures++;
                    LOG.warnf("%s: database unavailable (%s); reconnecting after backoff", name, e.getMessage());
                    closeConnection();
                    stop.pause(settings.backoff().delay(failures));
                } catch (PublishException e) {
                    failures++;
                    failedRounds.incrementAndGet();
                    LOG.warnf("%s: Kafka send failed (%s); %d event(s) wait for the next attempt",
                            name, e.getMessage(), e.pending);
                    // A fresh producer after a failure: the old one may be fenced or hold a broken sequence.
                    closeProducer();
                    stop.pause(settings.backoff().delay(failures));
                } catch (RuntimeException e) {
                    failures++;
                    LOG.errorf(e, "%s: unexpected failure; restarting the round after backoff", name);
                    closeProducer();
                    closeConnection();
                    stop.pause(settings.backoff().delay(failures));
                }
            }
        } finally {
            closeProducer();
            closeConnection();
            LOG.debugf("%s stopped", name);
        }
    }

    private boolean becomeLeader() throws SQLException {
        Connection session = session();
        lockAttempts.incrementAndGet();
        try (Statement statement = session.createStatement();
             ResultSet result = statement.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_ID + ")")) {
            result.next();
            if (!result.getBoolean(1)) {
                return false;
            }
        }
        // Only the leader listens: a follower would pile up every commit's notification unread.
        try (Statement statement = session.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
        leader = true;
        LOG.infof("%s holds the outbox relay lock and publishes", name);
        try {
            reconcileLastRound();
        } catch (KafkaException e) {
            // Not fatal: at worst the last round is sent again, which consumers skip by event id.
            LOG.warnf("%s: could not compare the outbox with Kafka (%s); unmarked rows are sent again", name, e.getMessage());
            closeProducer();
        }
        return true;
    }

    /**
     * The outbox swings from empty to a backlog of hundreds of thousands of rows (a bulk import, a
     * Kafka outage) far faster than autovacuum re-analyses it, and the relay's statements are
     * prepared once per session. Planned while the table was nearly empty, marking a round
     * ("id = ANY (...)") stayed a scan of the whole table per round as it grew: quadratic in the
     * backlog, measured at 23 s of extra database CPU during one import. The round's statements have
     * index paths (the partial index of unpublished rows, the primary key), so this session plans
     * without whole-table scans; only the rare purge, which may have to look at every row, turns
     * them back on while it runs.
     */
    static void configureSession(Connection session) throws SQLException {
        try (Statement statement = session.createStatement()) {
            statement.execute(SEQSCAN_OFF);
        }
    }

    private Connection session() throws SQLException {
        if (connection == null) {
            Properties properties = new Properties();
            if (settings.username() != null) {
                properties.setProperty("user", settings.username());
            }
            if (settings.password() != null) {
                properties.setProperty("password", settings.password());
            }
            properties.setProperty("ApplicationName", name);
            properties.setProperty("tcpKeepAlive", "true");
            properties.setProperty("connectTimeout", "10");
            // Bounds a query on a half-dead connection; the idle wait sets its own shorter timeout.
            properties.setProperty("socketTimeout", "60");
            // The driver directly, not DriverManager: the application class loader may not see it.
            Connection opened = new org.postgresql.Driver().connect(settings.jdbcUrl(), properties);
            if (opened == null) {
                throw new IllegalStateException("not a PostgreSQL JDBC URL: " + settings.jdbcUrl());
            }
            try {
                configureSession(opened);
            } catch (SQLException e) {
                opened.close();
                throw e;
            }
            connection = opened;
        }
        return connection;
    }

    /**
     * Sends one round as one Kafka transaction and marks its rows only after the commit: either every
     * row of the round is visible to (read-committed) consumers, in id order per key, or none is and
     * the whole round is sent again.
     */
    private int publishPending() throws SQLException {
        List<PendingEvent> pending = readPending();
        if (pending.isEmpty()) {
            return 0;
        }
        try {
            Producer<String, byte[]> sender = producer();
            sender.beginTransaction();
            for (PendingEvent event : pending) {
                sender.send(record(event));
            }
            // Flushes and fails if any send of the round failed (expired, broker gone, fenced).
            sender.commitTransaction();
        } catch (KafkaException e) {
            // The caller closes the producer, which aborts the open transaction; the next producer's
            // initTransactions() also aborts whatever this epoch left behind.
            throw new PublishException(e, pending.size());
        }
        rounds.incrementAndGet();
        markPublished(pending);
        return pending.size();
    }

    private List<PendingEvent> readPending() throws SQLException {
        List<PendingEvent> pending = new ArrayList<>();
        try (PreparedStatement select = session().prepareStatement(SELECT_PENDING)) {
            select.setInt(1, settings.batchSize());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pending.add(new PendingEvent(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
        }
        return pending;
    }

    /**
     * A relay killed between a round's Kafka commit and marking its rows leaves rows that Kafka already
     * holds. Before the first round, a new leader fences the old producer (initTransactions aborts a
     * round left open) and reads the committed tail of each partition the pending rows go to, as far
     * back as one round can reach; the rows found there are marked, not sent a second time.
     */
    private void reconcileLastRound() throws SQLException {
        List<PendingEvent> pending = readPending();
        if (pending.isEmpty()) {
            return;
        }
        producer();
        Set<Long> waiting = new HashSet<>();
        Set<String> topics = new HashSet<>();
        for (PendingEvent event : pending) {
            waiting.add(event.id());
            topics.add(event.topic());
        }
        Map<String, Object> properties = new HashMap<>();
        settings.producerProperties().forEach((key, value) -> {
            if (key.equals("bootstrap.servers") || key.startsWith("security.") || key.startsWith("sasl.")
                    || key.startsWith("ssl.") || key.equals("client.dns.lookup")) {
                properties.put(key, value);
            }
        });
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, name + "-reconcile");
        List<PendingEvent> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10)).forEach(info ->
                        partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, Duration.ofSeconds(10));
            // One round is at most batchSize records plus its commit markers.
            long reach = 2L * settings.batchSize() + 2;
            Set<TopicPartition> open = new HashSet<>();
            for (TopicPartition partition : partitions) {
                long end = ends.get(partition);
                long from = Math.max(starts.get(partition), end - reach);
                if (from < end) {
                    consumer.seek(partition, from);
                    open.add(partition);
                }
            }
            Set<Long> seen = new HashSet<>();
            Instant deadline = Instant.now().plusSeconds(20);
            while (!open.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header header = record.headers().lastHeader(OUTBOX_ID_HEADER);
                    if (header != null && header.value().length == Long.BYTES) {
                        seen.add(ByteBuffer.wrap(header.value()).getLong());
                    }
                }
                open.removeIf(partition -> consumer.position(partition) >= ends.get(partition));
            }
            for (PendingEvent event : pending) {
                if (seen.contains(event.id()) && waiting.contains(event.id())) {
                    found.add(event);
                }
            }
        }
        if (!found.isEmpty()) {
            LOG.infof("%s: %d row(s) were already in Kafka from a round whose marking was lost; marked, not resent",
                    name, found.size());
            markPublished(found);
        }
    }

    private static ProducerRecord<String, byte[]> record(PendingEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CONTENT_TYPE_HEADER, STRUCTURED_CONTENT_TYPE);
        headers.add(OUTBOX_ID_HEADER, ByteBuffer.allocate(Long.BYTES).putLong(event.id()).array());
        return new ProducerRecord<>(event.topic(), null, event.key(),
                event.payload().getBytes(StandardCharsets.UTF_8), headers);
    }

    private void markPublished(List<PendingEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        Long[] ids = events.stream().map(PendingEvent::id).toArray(Long[]::new);
        try (PreparedStatement update = session().prepareStatement(MARK_PUBLISHED)) {
            Array idArray = connection.createArrayOf("bigint", ids);
            update.setArray(1, idArray);
            update.executeUpdate();
        }
        published.addAndGet(events.size());
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(settings.producerProperties());
            producer.initTransactions();
        }
        return producer;
    }

    /** Blocks until a commit notification arrives or {@code idleWait} passes. */
    private void awaitCommit() throws SQLException {
        // Notifications that arrived during the round are returned at once; the next round then
        // finds their rows (or nothing, if the round already took them).
        session().unwrap(PGConnection.class).getNotifications((int) Math.max(1, settings.idleWait().toMillis()));
    }

    private void purgeIfDue() throws SQLException {
        Instant now = Instant.now();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(settings.purgeInterval());
        long outbox;
        long processed;
        try (Statement statement = session().createStatement()) {
            statement.execute("SET enable_seqscan = on");
            try {
                outbox = purge(PURGE_OUTBOX, now.minus(settings.retention()));
                processed = purge(PURGE_PROCESSED, now.minus(settings.processedRetention()));
            } finally {
                statement.execute(SEQSCAN_OFF);
            }
        }
        if (outbox + processed > 0) {
            LOG.infof("%s purged %d published outbox row(s) and %d processed event id(s)", name, outbox, processed);
        }
    }

    private long purge(String sql, Instant cutoff) throws SQLException {
        long total = 0;
        int deleted;
        do {
            try (PreparedStatement delete = session().prepareStatement(sql)) {
                delete.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
                delete.setInt(2, PURGE_CHUNK);
                deleted = delete.executeUpdate();
            }
            total += deleted;
        } while (deleted == PURGE_CHUNK && !stop.isRaised());
        return total;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                LOG.debugf(e, "%s: closing the producer failed", name);
            }
            producer = null;
        }
    }

    private void closeConnection() {
        leader = false;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debugf(e, "%s: closing the database session failed", name);
            }
            connection = null;
        }
    }

    /** A round could not send every row it read. */
    private static final class PublishException extends RuntimeException {
        private final int pending;

        PublishException(Throwable cause, int pending) {
            super(cause == null ? "send not acknowledged" : cause.toString(), cause);
            this.pending = pending;
        }
    }
}
