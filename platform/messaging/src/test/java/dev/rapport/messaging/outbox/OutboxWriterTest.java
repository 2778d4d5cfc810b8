package dev.rapport.messaging.outbox;

import dev.rapport.devstack.DevStackResource;
import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.messaging.testapp.Eventually;
import dev.rapport.messaging.testapp.TestDatabase;
import dev.rapport.messaging.testapp.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

// The resource applies to every @QuarkusTest of this module: one PostgreSQL database "messaging" and one broker.
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
class OutboxWriterTest {

    private static final String SOURCE = "/rapport/messaging-test";
    private static final String TYPE = "rapport.test.note-written.v1";

    @Inject
    OutboxWriter outbox;

    @Inject
    TestDatabase database;

    @Test
    void committedEventsArriveWithTheSubjectAsKeyInCommitOrderPerKey() {
        String topic = "test.outbox.ordered." + UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        List<CloudEvent> written = new ArrayList<>();
        List<Long> committedAt = new ArrayList<>();
        // One event per transaction, waiting for each to be published: measures the idle commit->Kafka path.
        for (int i = 0; i < 8; i++) {
            CloudEvent event = note(i % 2 == 0 ? first : second, i);
            committedAt.add(writeInTransaction(topic, List.of(event)).toEpochMilli());
            written.add(event);
            Eventually.await("event " + event.id() + " published", () -> database.isPublished(event.id()));
        }
        // Several events in one transaction keep their order too.
        List<CloudEvent> batch = List.of(note(first, 100), note(first, 101), note(second, 102));
        writeInTransaction(topic, batch);
        written.addAll(batch);

        List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(topic, read -> read.size() >= written.size());

        assertEquals(written.size(), records.size());
        for (String subject : List.of(first, second)) {
            List<UUID> expected = written.stream().filter(e -> e.subject().equals(subject)).map(CloudEvent::id).toList();
            List<UUID> arrived = records.stream().filter(r -> r.key().equals(subject)).map(r -> parse(r).id()).toList();
            assertEquals(expected, arrived, "order of subject " + subject);
        }
        for (ConsumerRecord<String, byte[]> record : records) {
            CloudEvent received = parse(record);
            CloudEvent sent = written.stream().filter(e -> e.id().equals(received.id())).findFirst().orElseThrow();
            assertEquals(sent, received);
            assertEquals(sent.subject(), record.key());
            assertEquals(CloudEvent.STRUCTURED_CONTENT_TYPE,
                    new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
        }
        logLatency(written.subList(0, committedAt.size()), committedAt);
    }

    @Test
    void eventOfARolledBackTransactionIsNeverPublished() {
        String topic = "test.outbox.rollback." + UUID.randomUUID();
        String subject = UUID.randomUUID().toString();
        UUID noteId = UUID.randomUUID();
        CloudEvent rolledBack = note(subject, 1);

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            database.insertNote(noteId, "never committed");
            outbox.append(topic, rolledBack);
            throw new IllegalStateException("the use case fails after appending");
        }));
        CloudEvent committed = note(subject, 2);
        writeInTransaction(topic, List.of(committed));

        assertFalse(database.noteExists(noteId));
        assertFalse(database.outboxContains(rolledBack.id()));
        // Same key, so the rolled-back event would sit before the committed one on the partition.
        List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(topic,
                read -> read.stream().anyMatch(r -> parse(r).id().equals(committed.id())));
        assertEquals(List.of(committed.id()), records.stream().map(r -> parse(r).id()).toList());
    }

    @Test
    void appendOutsideATransactionIsRefused() {
        CloudEvent event = note(UUID.randomUUID().toString(), 1);

        assertThrows(TransactionalException.class, () -> outbox.append("test.outbox.refused", event));
        assertFalse(database.outboxContains(event.id()));
    }

    @Test
    void failedAppendRollsBackTheStateChangeWithIt() {
        String topic = "test.outbox.duplicate." + UUID.randomUUID();
        CloudEvent event = note(UUID.randomUUID().toString(), 1);
        writeInTransaction(topic, List.of(event));
        UUID noteId = UUID.randomUUID();

        assertThrows(OutboxException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            database.insertNote(noteId, "state change whose event cannot be stored");
            outbox.append(topic, event); // same event id again
        }));
        assertFalse(database.noteExists(noteId));
    }

    @Test
    void appendRejectsAMissingTopic() {
        CloudEvent event = note(UUID.randomUUID().toString(), 1);

        assertThrows(IllegalArgumentException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> outbox.append(" ", event)));
        assertFalse(database.outboxContains(event.id()));
    }

    // appendAll: one statement for many events, same contract as append.

    @Test
    void aListIsStoredInListOrderAndPublishedUnchangedWithTheSubjectAsKey() {
        String topic = "test.outbox.all." + UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            events.add(note(i % 3 == 0 ? second : first, i));
        }
        UUID noteId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            database.insertNote(noteId, "state change of the whole list");
            outbox.appendAll(topic, events);
        });

        assertTrue(database.noteExists(noteId));
        long previous = 0;
        for (CloudEvent event : events) {
            long rowId = database.outboxRowId(event.id());
            assertTrue(rowId > previous, "row of event " + event.id() + " follows the previous one");
            previous = rowId;
        }
        List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(topic, read -> read.size() >= events.size());
        assertEquals(events.size(), records.size());
        for (String subject : List.of(first, second)) {
            List<CloudEvent> expected = events.stream().filter(e -> e.subject().equals(subject)).toList();
            List<CloudEvent> arrived = records.stream().filter(r -> r.key().equals(subject))
                    .map(r -> EventJson.parse(r.value())).toList();
            assertEquals(expected, arrived, "events of subject " + subject + ", content and order");
        }
    }

    @Test
    void theListRollsBackWithTheCallersTransaction() {
        String topic = "test.outbox.all.rollback." + UUID.randomUUID();
        List<CloudEvent> events = List.of(note("s1", 1), note("s2", 2), note("s1", 3));
        UUID noteId = UUID.randomUUID();

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            database.insertNote(noteId, "never committed");
            outbox.appendAll(topic, events);
            throw new IllegalStateException("the use case fails after appending");
        }));

        assertFalse(database.noteExists(noteId));
        events.forEach(e -> assertFalse(database.outboxContains(e.id())));
    }

    @Test
    void oneEventAlreadyAppendedFailsTheWholeListAndTheStateChange() {
        String topic = "test.outbox.all.duplicate." + UUID.randomUUID();
        CloudEvent earlier = note("s1", 1);
        QuarkusTransaction.requiringNew().run(() -> outbox.append(topic, earlier));
        CloudEvent fresh = note("s1", 2);
        UUID noteId = UUID.randomUUID();

        assertThrows(OutboxException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            database.insertNote(noteId, "state change whose events cannot be stored");
            outbox.appendAll(topic, List.of(fresh, earlier));
        }));

        assertFalse(database.noteExists(noteId));
        assertFalse(database.outboxContains(fresh.id()));
    }

    @Test
    void aListThatFailsAfterItsFirstPiecesWereSentStoresNoneOfThem() {
        // appendAll sends rows in ~32 KB pieces while it serialises the rest: 400 events are several
        // pieces, so the missing last one fails the list after the server has received earlier rows.
        String topic = "test.outbox.all.pieces." + UUID.randomUUID();
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            events.add(note("s" + (i % 7), i));
        }
        List<CloudEvent> withGap = new ArrayList<>(events);
        withGap.add(null);
        UUID noteId = UUID.randomUUID();

        assertThrows(NullPointerException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            database.insertNote(noteId, "state change whose last event is missing");
            outbox.appendAll(topic, withGap);
        }));

        assertFalse(database.noteExists(noteId));
        events.forEach(e -> assertFalse(database.outboxContains(e.id())));
        // The same connection serves the next transaction normally: the aborted COPY left nothing open.
        QuarkusTransaction.requiringNew().run(() -> outbox.appendAll(topic, events));
        events.forEach(e -> assertTrue(database.outboxContains(e.id())));
    }

    @Test
    void preparedEventsAreAppendedOnceBeforeTheOnesThatFollowThem() {
        String topic = "test.outbox.all.prepared." + UUID.randomUUID();
        List<CloudEvent> early = new ArrayList<>();
        List<CloudEvent> late = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            (i < 200 ? early : late).add(note("s" + (i % 5), i));
        }
        // Prepared outside any transaction: serialising needs no database.
        OutboxWriter.Prepared prepared = outbox.prepare(topic, early);
        assertEquals(200, prepared.size());
        early.forEach(e -> assertFalse(database.outboxContains(e.id())));

        QuarkusTransaction.requiringNew().run(() -> outbox.appendAll(prepared, late));

        long previous = 0;
        for (CloudEvent event : concat(early, late)) {
            long rowId = database.outboxRowId(event.id());
            assertTrue(rowId > previous, "row of event " + event.id() + " follows the previous one");
            previous = rowId;
        }
        assertThrows(IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> outbox.appendAll(prepared, List.of())));
        List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(topic, read -> read.size() >= 300);
        assertEquals(300, records.size());
    }

    @Test
    void eventsAddedAsTheirOwnJsonAreStoredInOrderAndPublishedUnchanged() {
        String topic = "test.outbox.all.json." + UUID.randomUUID();
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            events.add(note("s" + (i % 4), i));
        }
        OutboxWriter.Prepared prepared = outbox.prepare(topic, List.of());
        events.forEach(e -> prepared.add(e.id(), e.subject(), e.type(), EventJson.toJson(e)));
        assertEquals(120, prepared.size());

        QuarkusTransaction.requiringNew().run(() -> outbox.appendAll(prepared, List.of()));

        long previous = 0;
        for (CloudEvent event : events) {
            long rowId = database.outboxRowId(event.id());
            assertTrue(rowId > previous, "row of event " + event.id() + " follows the previous one");
            previous = rowId;
        }
        CloudEvent late = note("s0", 999);
        assertThrows(IllegalStateException.class, () -> prepared.add(late.id(), late.subject(), late.type(), EventJson.toJson(late)));
        List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(topic, read -> read.size() >= events.size());
        assertEquals(events.size(), records.size());
        for (String subject : List.of("s0", "s1", "s2", "s3")) {
            List<CloudEvent> expected = events.stream().filter(e -> e.subject().equals(subject)).toList();
            List<CloudEvent> arrived = records.stream().filter(r -> r.key().equals(subject))
                    .map(r -> EventJson.parse(r.value())).toList();
            assertEquals(expected, arrived, "events of subject " + subject + ", content and order");
        }
    }

    private static List<CloudEvent> concat(List<CloudEvent> first, List<CloudEvent> second) {
        List<CloudEvent> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    @Test
    void appendAllOutsideATransactionIsRefused() {
        CloudEvent event = note("s1", 1);

        assertThrows(TransactionalException.class, () -> outbox.appendAll("test.outbox.all.refused", List.of(event)));
        assertFalse(database.outboxContains(event.id()));
    }

    @Test
    void appendAllRejectsAMissingTopicAndAcceptsAnEmptyList() {
        CloudEvent event = note("s1", 1);

        assertThrows(IllegalArgumentException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> outbox.appendAll(" ", List.of(event))));
        assertFalse(database.outboxContains(event.id()));
        QuarkusTransaction.requiringNew().run(() -> outbox.appendAll("test.outbox.all.empty", List.of()));
    }

    // appendAtCommit: the transaction's events gathered and written with one statement before the commit.

    @Test
    void eventsGatheredForTheCommitAreStoredInOrderAfterTheDirectOnesAndPublishedUnchanged() {
        String topic = "test.outbox.commit." + UUID.randomUUID();
        String other = "test.outbox.commit.other." + UUID.randomUUID();
        CloudEvent direct = note("s1", 0);
        List<CloudEvent> gathered = List.of(note("s1", 1), note("s2", 2), note("s1", 3));
        CloudEvent elsewhere = note("s3", 4);
        UUID noteId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.appendAtCommit(topic, gathered.get(0));
            database.insertNote(noteId, "state change with gathered events");
            outbox.appendAtCommit(topic, gathered.get(1));
            outbox.appendAtCommit(other, elsewhere);
            outbox.append(topic, direct);
            outbox.appendAtCommit(topic, gathered.get(2));
            // nothing gathered is written before the commit
            gathered.forEach(e -> assertFalse(database.outboxContains(e.id())));
        });

        assertTrue(database.noteExists(noteId));
        long previous = database.outboxRowId(direct.id());
        for (CloudEvent event : List.of(gathered.get(0), gathered.get(1), elsewhere, gathered.get(2))) {
            long rowId = database.outboxRowId(event.id());
            assertTrue(rowId > previous, "row of event " + event.id() + " follows the previous one");
            previous = rowId;
        }
        List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(topic, read -> read.size() >= 4);
        assertEquals(List.of(direct, gathered.get(0), gathered.get(2)), ofKey(records, "s1"));
        assertEquals(List.of(gathered.get(1)), ofKey(records, "s2"));
        assertEquals(List.of(elsewhere), TestKafka.readUntil(other, read -> !read.isEmpty()).stream()
                .map(OutboxWriterTest::parse).toList());
    }

    @Test
    void manyEventsGatheredForTheCommitAreAllStoredInOrder() {
        String first = "test.outbox.commit.many.a." + UUID.randomUUID();
        String second = "test.outbox.commit.many.b." + UUID.randomUUID();
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            events.add(note("s" + (i % 7), i));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < events.size(); i++) {
                outbox.appendAtCommit(i < 100 ? first : second, events.get(i));
            }
        });

        long previous = 0;
        for (CloudEvent event : events) {
            long rowId = database.outboxRowId(event.id());
            assertTrue(rowId > previous, "row of event " + event.id() + " follows the previous one");
            previous = rowId;
        }
        List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(second, read -> read.size() >= 50);
        assertEquals(50, records.size());
        for (int k = 0; k < 7; k++) {
            String key = "s" + k;
            assertEquals(events.subList(100, 150).stream().filter(e -> e.subject().equals(key)).toList(),
                    ofKey(records, key), "events of subject " + key);
        }
    }

    private static List<CloudEvent> ofKey(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> r.key().equals(key)).map(OutboxWriterTest::parse).toList();
    }

    @Test
    void eventsGatheredForARolledBackTransactionAreNeverStored() {
        String topic = "test.outbox.commit.rollback." + UUID.randomUUID();
        CloudEvent event = note("s1", 1);
        UUID noteId = UUID.randomUUID();

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            database.insertNote(noteId, "never committed");
            outbox.appendAtCommit(topic, event);
            throw new IllegalStateException("the use case fails after appending");
        }));

        assertFalse(database.noteExists(noteId));
        assertFalse(database.outboxContains(event.id()));
    }

    @Test
    void aGatheredEventThatCannotBeStoredRollsTheCommitBack() {
        String topic = "test.outbox.commit.duplicate." + UUID.randomUUID();
        CloudEvent earlier = note("s1", 1);
        QuarkusTransaction.requiringNew().run(() -> outbox.append(topic, earlier));
        CloudEvent fresh = note("s1", 2);
        UUID noteId = UUID.randomUUID();

        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            database.insertNote(noteId, "state change whose events cannot be stored");
            outbox.appendAtCommit(topic, fresh);
            outbox.appendAtCommit(topic, earlier);
        }));

        assertFalse(database.noteExists(noteId));
        assertFalse(database.outboxContains(fresh.id()));
    }

    @Test
    void appendAtCommitOutsideATransactionIsRefused() {
        CloudEvent event = note("s1", 1);

        assertThrows(TransactionalException.class, () -> outbox.appendAtCommit("test.outbox.commit.refused", event));
        assertThrows(IllegalArgumentException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> outbox.appendAtCommit(" ", event)));
        assertFalse(database.outboxContains(event.id()));
    }

    /** Writes a note and appends its event per event, all in one transaction; returns the commit time. */
    private Instant writeInTransaction(String topic, List<CloudEvent> events) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (CloudEvent event : events) {
                database.insertNote(UUID.randomUUID(), "note " + event.data().get("sequence").asInt());
                outbox.append(topic, event);
            }
        });
        Instant committed = Instant.now();
        events.forEach(event -> assertTrue(database.outboxContains(event.id())));
        return committed;
    }

    private static CloudEvent note(String subject, int sequence) {
        return CloudEvent.of(SOURCE, TYPE, subject, Map.of("sequence", sequence, "text", "ünïcode ✓ \"quoted\" \\ {a,b}"));
    }

    private static CloudEvent parse(ConsumerRecord<String, byte[]> record) {
        return EventJson.parse(record.value());
    }

    /**
     * Not an assertion (no timed tests): prints how long after its commit each event was acknowledged
     * by Kafka and marked published, with the relay idle before each commit.
     */
    private void logLatency(List<CloudEvent> events, List<Long> committedAt) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            millis.add(database.publishedAt(events.get(i).id()).toEpochMilli() - committedAt.get(i));
        }
        System.out.println("Idle commit -> Kafka ack -> marked published, ms: " + millis);
    }
}
