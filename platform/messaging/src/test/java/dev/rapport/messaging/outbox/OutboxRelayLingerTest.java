package dev.rapport.messaging.outbox;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.messaging.testapp.Eventually;
import dev.rapport.messaging.testapp.TestDatabase;
import dev.rapport.messaging.testapp.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A burst of small commits (what a bulk import produces) is published in few Kafka transactions,
 * while the first commit after a quiet spell, and commits slower than the rounds, are not held back.
 */
@QuarkusTest
class OutboxRelayLingerTest {

    private static final Duration LINGER = Duration.ofSeconds(3);

    @Inject
    OutboxWriter outbox;

    @Inject
    TestDatabase database;

    @Inject
    OutboxRelayService relayService;

    @Test
    void commitsArrivingWhileTheRelayLingersShareOneRoundAndKeepTheirOrder() {
        String topic = "test.outbox.linger." + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        OutboxRelay lingering = lingeringRelay();
        relayService.stop();
        lingering.start();
        try {
            Eventually.await("the test relay leads", lingering::isLeader);
            // The first commit of a burst already holds two events: a round of more than one row.
            List<CloudEvent> first = List.of(event(key, 0), event(key, 1));
            long start = System.nanoTime();
            commit(topic, first);
            Eventually.await("first commit published", () -> first.stream().allMatch(e -> database.isPublished(e.id())));
            Duration firstLatency = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(firstLatency.compareTo(LINGER) < 0,
                    "the first commit after a quiet spell waited " + firstLatency + ", as long as the linger");
            assertEquals(1, lingering.roundCount(), "rounds after the first commit");

            // Five separate commits while the relay lingers after its round.
            List<CloudEvent> burst = new ArrayList<>();
            for (int i = 2; i <= 6; i++) {
                CloudEvent event = event(key, i);
                commit(topic, List.of(event));
                burst.add(event);
            }
            Eventually.await("burst published", () -> burst.stream().allMatch(e -> database.isPublished(e.id())));

            assertEquals(2, lingering.roundCount(), "five commits during the linger make one more round, not five");
            List<UUID> arrived = TestKafka.readAll(topic).stream()
                    .map(record -> EventJson.parse(record.value()).id()).toList();
            List<UUID> committed = new ArrayList<>();
            first.forEach(e -> committed.add(e.id()));
            burst.forEach(e -> committed.add(e.id()));
            assertEquals(committed, arrived, "every event once, in commit order");
        } finally {
            lingering.stop();
            relayService.start();
        }
    }

    @Test
    void commitsSlowerThanTheRoundsAreNotHeldBack() {
        String topic = "test.outbox.linger." + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        OutboxRelay lingering = lingeringRelay();
        relayService.stop();
        lingering.start();
        try {
            Eventually.await("the test relay leads", lingering::isLeader);
            List<UUID> committed = new ArrayList<>();
            // One commit at a time, each once the previous one is published (single requests one after
            // another): every round sends one row, so none lingers and no commit waits for the next round.
            long start = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                CloudEvent event = event(key, i);
                commit(topic, List.of(event));
                committed.add(event.id());
                Eventually.await("event " + i + " published", () -> database.isPublished(event.id()));
            }
            Duration all = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(all.compareTo(LINGER) < 0, "three one-row rounds took " + all + ", as long as a linger");
            assertEquals(3, lingering.roundCount(), "one round per commit");
            List<UUID> arrived = TestKafka.readAll(topic).stream()
                    .map(record -> EventJson.parse(record.value()).id()).toList();
            assertEquals(committed, arrived, "every event once, in commit order");
        } finally {
            lingering.stop();
            relayService.start();
        }
    }

    private OutboxRelay lingeringRelay() {
        RelaySettings configured = relayService.settings("lingering-relay");
        return new OutboxRelay(new RelaySettings(configured.jdbcUrl(), configured.username(),
                configured.password(), configured.producerProperties(), configured.batchSize(), LINGER,
                configured.idleWait(), configured.lockRetryInterval(), configured.backoff(), configured.retention(),
                configured.processedRetention(), configured.purgeInterval(), configured.shutdownTimeout()),
                "lingering-relay");
    }

    private void commit(String topic, List<CloudEvent> events) {
        QuarkusTransaction.requiringNew().run(() -> events.forEach(event -> outbox.append(topic, event)));
    }

    private static CloudEvent event(String subject, int sequence) {
        return CloudEvent.of("/rapport/messaging-test", "rapport.test.note-written.v1", subject,
                Map.of("sequence", sequence));
    }
}
