package dev.rapport.messaging.consumer;

import dev.rapport.devstack.DevStackResource;
import dev.rapport.devstack.KafkaBroker;
import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.events.Topics;
import dev.rapport.messaging.testapp.CountingHandler;
import dev.rapport.messaging.testapp.Eventually;
import dev.rapport.messaging.testapp.TestDatabase;
import dev.rapport.messaging.testapp.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.UUID;

import static dev.rapport.messaging.testapp.CountingHandler.GROUP;
import static dev.rapport.messaging.testapp.CountingHandler.TOPIC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library runs {@link CountingHandler} against the real broker and database. */
@QuarkusTest
class IdempotentConsumerTest {

    @Inject
    CountingHandler handler;

    @Inject
    TestDatabase database;

    @Test
    void eventDeliveredTwiceIsAppliedOnce() {
        String subject = UUID.randomUUID().toString();
        CloudEvent event = event(CountingHandler.COUNT, subject, Map.of());
        byte[] bytes = EventJson.toBytes(event);
        TestKafka.send(TOPIC, subject, bytes);
        TestKafka.send(TOPIC, subject, bytes);
        CloudEvent next = event(CountingHandler.COUNT, subject, Map.of());
        TestKafka.send(TOPIC, subject, EventJson.toBytes(next));

        // Same key, one partition: once the next event is done, both copies before it are too.
        awaitProcessed(next);
        assertEquals(2, database.applied(subject), "the redelivered copy must not be applied again");
        assertEquals(1, handler.attempts(event.id()), "the copy is skipped before reaching the handler");
    }

    @Test
    void transientFailuresAreRetriedAndTheEffectIsAppliedOnce() {
        String subject = UUID.randomUUID().toString();
        CloudEvent flaky = event(CountingHandler.FLAKY, subject, Map.of("failures", 2));
        TestKafka.send(TOPIC, subject, EventJson.toBytes(flaky));

        awaitProcessed(flaky);
        assertEquals(3, handler.attempts(flaky.id()), "two failed attempts, then success (max attempts is 3)");
        assertEquals(1, database.applied(subject), "the effects of the failed attempts were rolled back");
    }

    @Test
    void messageThatIsNotACloudEventGoesToTheDeadLetterTopicAndLaterEventsStillFlow() {
        String key = UUID.randomUUID().toString();
        byte[] garbage = "{not json at all".getBytes(StandardCharsets.UTF_8);
        RecordMetadata original = TestKafka.send(TOPIC, key, garbage);
        CloudEvent next = event(CountingHandler.COUNT, key, Map.of());
        TestKafka.send(TOPIC, key, EventJson.toBytes(next));

        awaitProcessed(next);
        assertEquals(1, database.applied(key));
        ConsumerRecord<String, byte[]> letter = deadLetter(key);
        assertArrayEquals(garbage, letter.value());
        assertEquals(IllegalArgumentException.class.getName(), header(letter, DeadLetter.EXCEPTION));
        assertTrue(header(letter, DeadLetter.ERROR).startsWith("not a valid CloudEvent"),
                header(letter, DeadLetter.ERROR));
        assertEquals(TOPIC, header(letter, DeadLetter.ORIGINAL_TOPIC));
        assertEquals(Integer.toString(original.partition()), header(letter, DeadLetter.ORIGINAL_PARTITION));
        assertEquals(Long.toString(original.offset()), header(letter, DeadLetter.ORIGINAL_OFFSET));
        assertEquals(GROUP, header(letter, DeadLetter.CONSUMER_GROUP));
        assertEquals("0", header(letter, DeadLetter.ATTEMPTS));
    }

    @Test
    void poisonEventIsDeadLetteredWithoutRetry() {
        String subject = UUID.randomUUID().toString();
        CloudEvent poison = event(CountingHandler.POISON, subject, Map.of());
        TestKafka.send(TOPIC, subject, EventJson.toBytes(poison));
        CloudEvent next = event(CountingHandler.COUNT, subject, Map.of());
        TestKafka.send(TOPIC, subject, EventJson.toBytes(next));

        awaitProcessed(next);
        ConsumerRecord<String, byte[]> letter = deadLetter(subject);
        assertEquals(poison.id(), EventJson.parse(letter.value()).id());
        assertEquals(PoisonEventException.class.getName(), header(letter, DeadLetter.EXCEPTION));
        assertEquals("cannot handle " + subject, header(letter, DeadLetter.ERROR));
        assertEquals("1", header(letter, DeadLetter.ATTEMPTS));
        assertEquals(1, handler.attempts(poison.id()));
        assertFalse(database.processed(GROUP, poison.id()));
        assertEquals(1, database.applied(subject));
    }

    @Test
    void eventFailingEveryAttemptIsDeadLetteredAfterTheLastAttempt() {
        String subject = UUID.randomUUID().toString();
        CloudEvent broken = event(CountingHandler.BROKEN, subject, Map.of());
        TestKafka.send(TOPIC, subject, EventJson.toBytes(broken));
        CloudEvent next = event(CountingHandler.COUNT, subject, Map.of());
        TestKafka.send(TOPIC, subject, EventJson.toBytes(next));

        awaitProcessed(next);
        ConsumerRecord<String, byte[]> letter = deadLetter(subject);
        assertEquals(broken.id(), EventJson.parse(letter.value()).id());
        assertEquals(IllegalStateException.class.getName(), header(letter, DeadLetter.EXCEPTION));
        assertEquals("simulated outage that does not end", header(letter, DeadLetter.ERROR));
        assertEquals("3", header(letter, DeadLetter.ATTEMPTS));
        assertEquals(3, handler.attempts(broken.id()));
        assertFalse(database.processed(GROUP, broken.id()));
    }

    @Test
    void consumptionResumesAfterTheBrokerWasDown() {
        String subject = UUID.randomUUID().toString();
        CloudEvent before = event(CountingHandler.COUNT, subject, Map.of());
        TestKafka.send(TOPIC, subject, EventJson.toBytes(before));
        awaitProcessed(before);

        KafkaBroker kafka = DevStackResource.kafka();
        kafka.stop();
        kafka.start();
        CloudEvent after = event(CountingHandler.COUNT, subject, Map.of());
        TestKafka.send(TOPIC, subject, EventJson.toBytes(after));

        awaitProcessed(after);
        assertEquals(2, database.applied(subject));
    }

    @Test
    void offsetsOfHandledEventsAreCommittedWhileTheLoopKeepsRunning() throws Exception {
        String subject = UUID.randomUUID().toString();
        CloudEvent event = event(CountingHandler.COUNT, subject, Map.of());
        RecordMetadata sent = TestKafka.send(TOPIC, subject, EventJson.toBytes(event));
        awaitProcessed(event);

        // no restart and no rebalance: the commit after the poll reaches the broker on its own
        TopicPartition partition = new TopicPartition(TOPIC, sent.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                DevStackResource.kafka().bootstrapServers()))) {
            Eventually.await("the group's offset moved past " + partition + "@" + sent.offset(), () -> {
                try {
                    OffsetAndMetadata committed = admin.listConsumerGroupOffsets(GROUP)
                            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).get(partition);
                    return committed != null && committed.offset() > sent.offset();
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    private void awaitProcessed(CloudEvent event) {
        Eventually.await("event " + event.id() + " processed by " + GROUP, () -> database.processed(GROUP, event.id()));
    }

    private static ConsumerRecord<String, byte[]> deadLetter(String key) {
        return TestKafka.readUntil(Topics.dlq(TOPIC), read -> read.stream().anyMatch(r -> key.equals(r.key())))
                .stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static CloudEvent event(String type, String subject, Map<String, Object> data) {
        return CloudEvent.of(CountingHandler.SOURCE, type, subject, data);
    }
}
