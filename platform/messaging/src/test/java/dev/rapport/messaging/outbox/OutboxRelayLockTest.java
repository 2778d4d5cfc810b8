package dev.rapport.messaging.outbox;

import dev.rapport.events.CloudEvent;
import dev.rapport.messaging.testapp.Eventually;
import dev.rapport.messaging.testapp.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two relays on one database, as with two instances of a service: only the lock holder publishes. */
@QuarkusTest
class OutboxRelayLockTest {

    private static final String TOPIC = "test.outbox.lock";

    @Inject
    OutboxRelayService relayService;

    @Inject
    OutboxWriter outbox;

    @Inject
    TestDatabase database;

    @Test
    void onlyTheLockHolderPublishesAndAnotherInstanceTakesOverWhenItStops() {
        Eventually.await("the application's relay holds the lock", relayService::isLeader);
        OutboxRelay second = relayService.newRelay("second-instance-relay");
        second.start();
        try {
            Eventually.await("the second relay asked for the lock twice", () -> second.lockAttempts() >= 2);
            assertFalse(second.isLeader());

            CloudEvent publishedByFirst = append();
            Eventually.await("event published", () -> database.isPublished(publishedByFirst.id()));
            assertFalse(second.isLeader());
            assertEquals(0, second.publishedCount());

            relayService.stop(); // the first instance goes away and its session releases the lock
            Eventually.await("the second relay took the lock over", second::isLeader);
            CloudEvent publishedBySecond = append();
            Eventually.await("event published by the second relay", () -> database.isPublished(publishedBySecond.id()));
            assertTrue(second.publishedCount() >= 1);
        } finally {
            second.stop();
            relayService.start();
        }
        Eventually.await("the application's relay holds the lock again", relayService::isLeader);
        CloudEvent afterwards = append();
        Eventually.await("event published after the hand-back", () -> database.isPublished(afterwards.id()));
    }

    private CloudEvent append() {
        CloudEvent event = CloudEvent.of("/rapport/messaging-test", "rapport.test.note-written.v1",
                UUID.randomUUID().toString(), Map.of("sequence", 1));
        QuarkusTransaction.requiringNew().run(() -> outbox.append(TOPIC, event));
        return event;
    }
}
