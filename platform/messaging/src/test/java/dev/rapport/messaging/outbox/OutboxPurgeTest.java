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
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OutboxPurgeTest {

    private static final String GROUP = "test-purge";

    @Inject
    OutboxRelayService relayService;

    @Inject
    OutboxWriter outbox;

    @Inject
    TestDatabase database;

    @Test
    void theRelayDeletesPublishedRowsAndProcessedIdsOnceTheirRetentionHasPassed() {
        UUID processedLongAgo = UUID.randomUUID();
        database.recordProcessed(GROUP, processedLongAgo);
        // A relay that keeps rows for a millisecond and looks every 100 ms; the same code as the default 7 days / 1 h.
        RelaySettings configured = relayService.settings("purging-relay");
        RelaySettings shortRetention = new RelaySettings(configured.jdbcUrl(), configured.username(),
                configured.password(), configured.producerProperties(), configured.batchSize(), configured.linger(), configured.idleWait(),
                configured.lockRetryInterval(), configured.backoff(), Duration.ofMillis(1), Duration.ofMillis(1),
                Duration.ofMillis(100), configured.shutdownTimeout());
        relayService.stop();
        OutboxRelay purging = new OutboxRelay(shortRetention, "purging-relay");
        purging.start();
        try {
            String topic = "test.outbox.purge." + UUID.randomUUID();
            CloudEvent event = CloudEvent.of("/rapport/messaging-test", "rapport.test.note-written.v1",
                    UUID.randomUUID().toString(), Map.of("sequence", 1));
            QuarkusTransaction.requiringNew().run(() -> outbox.append(topic, event));
            assertTrue(database.outboxContains(event.id()));

            Eventually.await("published row purged", () -> !database.outboxContains(event.id()));
            Eventually.await("processed id purged", () -> !database.processed(GROUP, processedLongAgo));
            // Deleted after publication, not instead of it.
            TestKafka.readUntil(topic, read -> read.stream()
                    .anyMatch(r -> EventJson.parse(r.value()).id().equals(event.id())));
        } finally {
            purging.stop();
            relayService.start();
        }
    }
}
