package dev.rapport.messaging.outbox;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.messaging.testapp.TestDatabase;
import dev.rapport.messaging.testapp.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link OutboxWriter#appendAll}: one statement for many events, same contract as {@code append}. */
@QuarkusTest
class OutboxWriterAppendAllTest {

    private static final String SOURCE = "/rapport/messaging-test";
    private static final String TYPE = "rapport.test.note-written.v1";

    @Inject
    OutboxWriter outbox;

    @Inject
    TestDatabase database;

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

    private static CloudEvent note(String subject, int sequence) {
        return CloudEvent.of(SOURCE, TYPE, subject, Map.of("sequence", sequence, "text", "ünïcode ✓ \"quoted\" \\ {a,b}"));
    }
}
