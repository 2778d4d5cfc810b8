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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A relay that died after Kafka committed its round but before the rows were marked. */
@QuarkusTest
class OutboxRelayRestartTest {

    @Inject
    OutboxWriter outbox;

    @Inject
    TestDatabase database;

    @Inject
    OutboxRelayService relayService;

    @Test
    void aRoundKafkaHoldsButTheTableDoesNotIsMarkedByTheNextLeaderNotSentAgain() {
        String topic = "test.outbox.restart." + UUID.randomUUID();
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CloudEvent event = CloudEvent.of("/rapport/messaging-test", "rapport.test.note-written.v1",
                    "subject-" + (i % 2), Map.of("sequence", i));
            QuarkusTransaction.requiringNew().run(() -> outbox.append(topic, event));
            events.add(event);
        }
        Eventually.await("round published", () -> events.stream().allMatch(e -> database.isPublished(e.id())));

        relayService.stop();
        try {
            events.forEach(event -> database.forgetPublished(event.id()));
        } finally {
            relayService.start();
        }
        Eventually.await("rows marked by the next leader", () -> events.stream().allMatch(e -> database.isPublished(e.id())));

        List<UUID> onTopic = TestKafka.readAll(topic).stream().map(r -> EventJson.parse(r.value()).id()).toList();
        assertEquals(events.size(), onTopic.size(), "records on the topic (none sent twice)");
        assertEquals(events.stream().map(CloudEvent::id).collect(java.util.stream.Collectors.toSet()),
                java.util.Set.copyOf(onTopic), "each event once");
    }
}
