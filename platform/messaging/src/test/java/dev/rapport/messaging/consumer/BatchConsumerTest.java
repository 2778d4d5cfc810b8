package dev.rapport.messaging.consumer;

import dev.rapport.devstack.DevStackResource;
import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.events.Topics;
import dev.rapport.messaging.internal.Backoff;
import dev.rapport.messaging.testapp.BatchCountingHandler;
import dev.rapport.messaging.testapp.CountingHandler;
import dev.rapport.messaging.testapp.Eventually;
import dev.rapport.messaging.testapp.TestDatabase;
import dev.rapport.messaging.testapp.TestKafka;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.rapport.messaging.testapp.BatchCountingHandler.BATCH_GROUP;
import static dev.rapport.messaging.testapp.BatchCountingHandler.BATCH_TOPIC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batch mode against the real broker and database: the records of a poll share one transaction, and
 * duplicates, redeliveries, a poison event and a crash before the offset commit still apply each event once.
 */
@QuarkusTest
class BatchConsumerTest {

    @Inject
    BatchCountingHandler handler;

    @Inject
    TestDatabase database;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eventsOfOnePollAreAppliedInOneBatchAndADuplicateInsideItOnce() {
        String subject = UUID.randomUUID().toString();
        CloudEvent first = event(CountingHandler.COUNT, subject);
        CloudEvent second = event(CountingHandler.COUNT, subject);
        CloudEvent third = event(CountingHandler.COUNT, subject);
        byte[] firstBytes = EventJson.toBytes(first);
        TestKafka.sendTogether(BATCH_TOPIC, List.of(
                Map.entry(subject, firstBytes), Map.entry(subject, EventJson.toBytes(second)),
                Map.entry(subject, firstBytes), Map.entry(subject, EventJson.toBytes(third))));

        awaitProcessed(BATCH_GROUP, third);
        assertEquals(3, database.applied(subject), "three distinct events, the copy of the first skipped");
        assertEquals(1, handler.attempts(first.id()), "the copy inside the batch never reaches the handler");
        assertEquals(List.of(first.id(), second.id(), third.id()), handler.batchOf(first.id()),
                "one handleAll call with the events in delivery order and without the copy");
    }

    @Test
    void aRedeliveredBatchIsSkipped() {
        String subject = UUID.randomUUID().toString();
        CloudEvent first = event(CountingHandler.COUNT, subject);
        CloudEvent second = event(CountingHandler.COUNT, subject);
        List<Map.Entry<String, byte[]>> batch = List.of(
                Map.entry(subject, EventJson.toBytes(first)), Map.entry(subject, EventJson.toBytes(second)));
        TestKafka.sendTogether(BATCH_TOPIC, batch);
        awaitProcessed(BATCH_GROUP, second);

        TestKafka.sendTogether(BATCH_TOPIC, batch);
        CloudEvent next = event(CountingHandler.COUNT, subject);
        TestKafka.send(BATCH_TOPIC, subject, EventJson.toBytes(next));

        awaitProcessed(BATCH_GROUP, next);
        assertEquals(3, database.applied(subject));
        assertEquals(1, handler.attempts(first.id()));
        assertEquals(1, handler.attempts(second.id()));
    }

    @Test
    void aPoisonEventInsideABatchGoesToTheDeadLetterTopicAloneAndTheOthersAreAppliedOnce() {
        String subject = UUID.randomUUID().toString();
        CloudEvent before = event(CountingHandler.COUNT, subject);
        CloudEvent poison = event(CountingHandler.POISON, subject);
        CloudEvent after = event(CountingHandler.COUNT, subject);
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        TestKafka.sendTogether(BATCH_TOPIC, List.of(Map.entry(subject, EventJson.toBytes(before)),
                Map.entry(subject, EventJson.toBytes(poison)), Map.entry(subject, garbage),
                Map.entry(subject, EventJson.toBytes(after))));

        awaitProcessed(BATCH_GROUP, after);
        assertEquals(2, database.applied(subject), "the batch's rollback took nothing away for good, nor doubled it");
        assertTrue(handler.batchOf(poison.id()).contains(before.id()), "the poison first failed inside the batch");
        assertFalse(database.processed(BATCH_GROUP, poison.id()));
        List<ConsumerRecord<String, byte[]>> letters = TestKafka.readUntil(Topics.dlq(BATCH_TOPIC),
                read -> read.stream().filter(r -> subject.equals(r.key())).count() >= 2);
        List<ConsumerRecord<String, byte[]>> ours = letters.stream().filter(r -> subject.equals(r.key())).toList();
        assertEquals(2, ours.size(), "the poison event and the garbage, each once");
        ConsumerRecord<String, byte[]> poisonLetter = ours.stream()
                .filter(r -> header(r, DeadLetter.EXCEPTION).equals(PoisonEventException.class.getName()))
                .findFirst().orElseThrow();
        assertEquals(poison.id(), EventJson.parse(poisonLetter.value()).id());
        assertEquals("1", header(poisonLetter, DeadLetter.ATTEMPTS), "one attempt of its own after the batch");
    }

    @Test
    void aCrashBetweenTheDatabaseCommitAndTheOffsetCommitRedeliversWithoutApplyingAgain() {
        String topic = "test.batch.crash." + UUID.randomUUID();
        String group = "test-batch-crash-" + UUID.randomUUID();
        String subject = UUID.randomUUID().toString();
        CloudEvent first = event(CountingHandler.COUNT, subject);
        CloudEvent second = event(CountingHandler.COUNT, subject);
        TestKafka.sendTogether(topic, List.of(
                Map.entry(subject, EventJson.toBytes(first)), Map.entry(subject, EventJson.toBytes(second))));

        OwnGroupCountingHandler crashing = new OwnGroupCountingHandler(dataSource, group, topic, true, true);
        AtomicBoolean committed = new AtomicBoolean();
        // The batch's transaction commits; the loop dies before it can commit the offsets.
        IdempotentProcessor crashAfterCommit = new IdempotentProcessor(dataSource) {
            @Override
            int processAll(EventHandler h, List<CloudEvent> events) {
                int applied = super.processAll(h, events);
                committed.set(true);
                throw new SimulatedCrash();
            }
        };
        try (Producer<String, byte[]> deadLetters = deadLetterProducer()) {
            ConsumerLoop doomed = loop(crashing, crashAfterCommit, deadLetters);
            doomed.start();
            Eventually.await("the first loop committed its batch", committed::get);
            doomed.awaitStop(Duration.ofSeconds(10));
            assertEquals(2, database.applied(subject), "both effects committed before the crash");

            OwnGroupCountingHandler survivor = new OwnGroupCountingHandler(dataSource, group, topic, true, true);
            ConsumerLoop restarted = loop(survivor, new IdempotentProcessor(dataSource), deadLetters);
            restarted.start();
            try {
                CloudEvent next = event(CountingHandler.COUNT, subject);
                TestKafka.send(topic, subject, EventJson.toBytes(next));
                awaitProcessed(group, next);
                assertEquals(3, database.applied(subject), "the redelivered batch was not applied again");
                assertEquals(0, survivor.attempts(first.id()));
                assertEquals(0, survivor.attempts(second.id()));
                assertEquals(1, survivor.attempts(next.id()));
            } finally {
                restarted.requestStop();
                restarted.awaitStop(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void aTypeTheHandlerKeepsIdempotentItselfIsAppliedWithoutAProcessedIdAndReachesItAgainWhenRedelivered() {
        assertUnrecordedType(true);
    }

    @Test
    void withoutBatchModeTooATypeTheHandlerKeepsIdempotentItselfLeavesNoProcessedId() {
        assertUnrecordedType(false);
    }

    private void assertUnrecordedType(boolean batched) {
        String topic = "test.unrecorded." + UUID.randomUUID();
        String group = "test-unrecorded-" + UUID.randomUUID();
        String subject = UUID.randomUUID().toString();
        CloudEvent first = event(CountingHandler.COUNT, subject);
        CloudEvent second = event(CountingHandler.COUNT, subject);
        CloudEvent recorded = CloudEvent.of(CountingHandler.SOURCE, CountingHandler.FLAKY, subject, Map.of("failures", 0));
        byte[] firstBytes = EventJson.toBytes(first);
        TestKafka.sendTogether(topic, List.of(Map.entry(subject, firstBytes), Map.entry(subject, firstBytes),
                Map.entry(subject, EventJson.toBytes(second)), Map.entry(subject, EventJson.toBytes(recorded))));

        OwnGroupCountingHandler unrecorded = new OwnGroupCountingHandler(dataSource, group, topic, batched, false);
        try (Producer<String, byte[]> deadLetters = deadLetterProducer()) {
            ConsumerLoop consumer = loop(unrecorded, new IdempotentProcessor(dataSource), deadLetters);
            consumer.start();
            try {
                awaitProcessed(group, recorded);
                assertEquals(batched ? 3 : 4, database.applied(subject),
                        "first, second and the recorded type's effect (one by one, the copy of first as well)");
                assertFalse(database.processed(group, first.id()), "no processed id for the unrecorded type");
                assertFalse(database.processed(group, second.id()));
                if (batched) {
                    assertEquals(1, unrecorded.attempts(first.id()), "a copy inside one poll is still left out");
                }

                TestKafka.send(topic, subject, firstBytes);
                TestKafka.send(topic, subject, EventJson.toBytes(recorded));
                Eventually.await("the redelivered event reached the handler again",
                        () -> unrecorded.attempts(first.id()) == (batched ? 2 : 3));
                CloudEvent next = CloudEvent.of(CountingHandler.SOURCE, CountingHandler.FLAKY, subject, Map.of("failures", 0));
                TestKafka.send(topic, subject, EventJson.toBytes(next));
                awaitProcessed(group, next);
                assertEquals(1, unrecorded.attempts(recorded.id()), "recorded types are still applied once");
                assertFalse(database.processed(group, first.id()));
            } finally {
                consumer.requestStop();
                consumer.awaitStop(Duration.ofSeconds(10));
            }
        }
    }

    private ConsumerLoop loop(EventHandler h, IdempotentProcessor processor, Producer<String, byte[]> deadLetters) {
        Map<String, Object> properties = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStackResource.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, h.consumerGroup(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new ConsumerLoop(h, h.consumerGroup(), h.topics(), properties, processor, deadLetters, 3,
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)), Duration.ofMillis(200));
    }

    private static Producer<String, byte[]> deadLetterProducer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStackResource.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }

    private void awaitProcessed(String group, CloudEvent event) {
        Eventually.await("event " + event.id() + " processed by " + group, () -> database.processed(group, event.id()));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static CloudEvent event(String type, String subject) {
        return CloudEvent.of(CountingHandler.SOURCE, type, subject, Map.of());
    }

    /**
     * The counting behaviours on a group and topic of the test's own (not a CDI bean); with
     * {@code countRecorded} false it declares COUNT idempotent by itself (no processed id).
     */
    private static final class OwnGroupCountingHandler implements EventHandler {
        private final CountingHandler counting;
        private final String group;
        private final String topic;
        private final boolean batched;
        private final boolean countRecorded;

        OwnGroupCountingHandler(AgroalDataSource dataSource, String group, String topic, boolean batched,
                                boolean countRecorded) {
            this.counting = new CountingHandler(dataSource);
            this.group = group;
            this.topic = topic;
            this.batched = batched;
            this.countRecorded = countRecorded;
        }

        @Override
        public String consumerGroup() {
            return group;
        }

        @Override
        public Set<String> topics() {
            return Set.of(topic);
        }

        @Override
        public boolean batched() {
            return batched;
        }

        @Override
        public boolean recordsProcessed(String type) {
            return countRecorded || !CountingHandler.COUNT.equals(type);
        }

        @Override
        public void handle(CloudEvent event) throws Exception {
            counting.handle(event);
        }

        int attempts(UUID eventId) {
            return counting.attempts(eventId);
        }
    }

    /** Ends the loop's thread as a killed process would: no offset commit, no clean shutdown. */
    private static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash after the database commit", null, false, false);
        }
    }
}
