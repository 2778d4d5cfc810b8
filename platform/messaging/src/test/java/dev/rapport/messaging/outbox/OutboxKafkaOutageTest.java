package dev.rapport.messaging.outbox;

import dev.rapport.devstack.DevStackResource;
import dev.rapport.devstack.KafkaBroker;
import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.messaging.testapp.Eventually;
import dev.rapport.messaging.testapp.TestDatabase;
import dev.rapport.messaging.testapp.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The broker goes away while the service keeps committing; the outbox holds the events until it is back. */
@QuarkusTest
class OutboxKafkaOutageTest {

    private static final String SOURCE = "/rapport/messaging-test";
    private static final String TYPE = "rapport.test.note-written.v1";

    @Inject
    OutboxWriter outbox;

    @Inject
    TestDatabase database;

    @Inject
    OutboxRelayService relayService;

    @Test
    void eventsCommittedWhileKafkaIsDownArriveExactlyOnceInOrderWhenItReturns() {
        String topic = "test.outbox.outage." + UUID.randomUUID();
        KafkaBroker kafka = DevStackResource.kafka();
        List<String> subjects = subjects();
        publishFirstEvent(topic);

        List<CloudEvent> duringOutage = new ArrayList<>();
        kafka.stop();
        try {
            commitWhileDown(topic, subjects, duringOutage);
        } finally {
            kafka.start();
        }

        Eventually.await("all events published after Kafka returned",
                () -> duringOutage.stream().allMatch(event -> database.isPublished(event.id())));
        // Everything is acknowledged before it is marked, so the topic now holds every copy there will be.
        List<ConsumerRecord<String, byte[]>> records = TestKafka.readAll(topic);

        assertEquals(1 + duringOutage.size(), records.size(), "records on the topic (no loss, no duplicate)");
        for (String subject : subjects) {
            assertEquals(idsOf(duringOutage, subject), arrivedIds(records, subject), "events of subject " + subject);
        }
    }

    @Test
    void outageLongerThanTheDeliveryTimeoutLosesNothingAndKeepsTheOrderPerKey() {
        String topic = "test.outbox.long-outage." + UUID.randomUUID();
        KafkaBroker kafka = DevStackResource.kafka();
        List<String> subjects = subjects();
        // A relay that gives up on sends after 3 s instead of 30 s, so that the outage outlasts it quickly.
        RelaySettings configured = relayService.settings("impatient-relay");
        Map<String, Object> producer = new HashMap<>(configured.producerProperties());
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000);
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000);
        OutboxRelay impatient = new OutboxRelay(new RelaySettings(configured.jdbcUrl(), configured.username(),
                configured.password(), producer, configured.batchSize(), configured.linger(), configured.idleWait(),
                configured.lockRetryInterval(), configured.backoff(), configured.retention(),
                configured.processedRetention(), configured.purgeInterval(), configured.shutdownTimeout()),
                "impatient-relay");
        relayService.stop();
        impatient.start();
        List<CloudEvent> duringOutage = new ArrayList<>();
        try {
            publishFirstEvent(topic);
            kafka.stop();
            try {
                commitWhileDown(topic, subjects, duringOutage);
                Eventually.await("the relay gave up on a round", () -> impatient.failedRounds() > 0);
                duringOutage.forEach(event -> assertFalse(database.isPublished(event.id())));
            } finally {
                kafka.start();
            }
            Eventually.await("all events published after Kafka returned",
                    () -> duringOutage.stream().allMatch(event -> database.isPublished(event.id())));
        } finally {
            impatient.stop();
            relayService.start();
        }
        List<ConsumerRecord<String, byte[]>> records = TestKafka.readAll(topic);

        // At least once: a send whose acknowledgement came too late is repeated, but nothing is missing
        // and each key's events first appear in commit order.
        for (String subject : subjects) {
            List<UUID> firstArrivals = arrivedIds(records, subject).stream().distinct().toList();
            assertEquals(idsOf(duringOutage, subject), firstArrivals, "events of subject " + subject);
        }
    }

    private void publishFirstEvent(String topic) {
        CloudEvent first = event("before-outage", 0);
        commit(topic, first);
        Eventually.await("event before the outage published", () -> database.isPublished(first.id()));
    }

    private void commitWhileDown(String topic, List<String> subjects, List<CloudEvent> committed) {
        for (int i = 0; i < 30; i++) {
            CloudEvent event = event(subjects.get(i % subjects.size()), i);
            commit(topic, event); // the use case succeeds although Kafka is down
            committed.add(event);
        }
        for (CloudEvent event : committed) {
            assertTrue(database.outboxContains(event.id()));
            assertFalse(database.isPublished(event.id()), "published while Kafka was down: " + event.id());
        }
    }

    private void commit(String topic, CloudEvent event) {
        QuarkusTransaction.requiringNew().run(() -> {
            database.insertNote(UUID.randomUUID(), "note " + event.id());
            outbox.append(topic, event);
        });
    }

    private static List<String> subjects() {
        return List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
    }

    private static List<UUID> idsOf(List<CloudEvent> events, String subject) {
        return events.stream().filter(e -> e.subject().equals(subject)).map(CloudEvent::id).toList();
    }

    private static List<UUID> arrivedIds(List<ConsumerRecord<String, byte[]>> records, String subject) {
        return records.stream().filter(r -> subject.equals(r.key())).map(r -> EventJson.parse(r.value()).id()).toList();
    }

    private static CloudEvent event(String subject, int sequence) {
        return CloudEvent.of(SOURCE, TYPE, subject, Map.of("sequence", sequence));
    }
}
