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
 * while the first commit after a quiet spell is not held back.
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
        RelaySettings configured = relayService.settings("lingering-relay");
        OutboxRelay lingering = new OutboxRelay(new RelaySettings(configured.jdbcUrl(), configured.username(),
                configured.password(), configured.producerProperties(), configured.batchSize(), LINGER,
                configured.idleWait(), configured.lockRetryInterval(), configured.backoff(), configured.retention(),
                configured.processedRetention(), configured.purgeInterval(), configured.shutdownTimeout()),
                "lingering-relay");
        relayService.stop();
        lingering.start();
        try {
            Eventually.await("the test relay leads", lingering::isLeader);
            CloudEvent first = event(key, 0);
            long start = System.nanoTime();
            commit(topic, first);
            Eventually.await("first event published", () -> database.isPublished(first.id()));
            Duration firstLatency = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(firstLatency.compareTo(LINGER) < 0,
                    "the first commit after a quiet spell waited " + firstLatency + ", as long as the linger");
            assertEquals(1, lingering.roundCount(), "rounds after the first commit");

            // Five separate commits while the relay lingers after its round.
            List<CloudEvent> burst = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                CloudEvent event = event(key, i);
                commit(topic, event);
                burst.add(event);
            }
            Eventually.await("burst published", () -> burst.stream().allMatch(e -> database.isPublished(e.id())));

            assertEquals(2, lingering.roundCount(), "five commits during the linger make one more round, not five");
            List<UUID> arrived = TestKafka.readAll(topic).stream()
                    .map(record -> EventJson.parse(record.value()).id()).toList();
            List<UUID> committed = new ArrayList<>(List.of(first.id()));
            burst.forEach(e -> committed.add(e.id()));
            assertEquals(committed, arrived, "every event once, in commit order");
        } finally {
            lingering.stop();
            relayService.start();
        }
    }

    private void commit(String topic, CloudEvent event) {
        QuarkusTransaction.requiringNew().run(() -> outbox.append(topic, event));
    }

    private static CloudEvent event(String subject, int sequence) {
        return CloudEvent.of("/rapport/messaging-test", "rapport.test.note-written.v1", subject,
                Map.of("sequence", sequence));
    }
}
