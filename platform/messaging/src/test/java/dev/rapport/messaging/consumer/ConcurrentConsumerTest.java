package dev.rapport.messaging.consumer;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.messaging.testapp.ConcurrentCountingHandler;
import dev.rapport.messaging.testapp.CountingHandler;
import dev.rapport.messaging.testapp.Eventually;
import dev.rapport.messaging.testapp.TestDatabase;
import dev.rapport.messaging.testapp.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.rapport.messaging.testapp.ConcurrentCountingHandler.CONCURRENT_GROUP;
import static dev.rapport.messaging.testapp.ConcurrentCountingHandler.CONCURRENT_TOPIC;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A handler with two consumer loops: they share the partitions, and every event is still applied once. */
@QuarkusTest
class ConcurrentConsumerTest {

    @Inject
    EventHandlerRunner runner;

    @Inject
    TestDatabase database;

    @Test
    void eventsOfTypesTheHandlerDoesNotAcceptLeaveNoTrace() {
        String subject = UUID.randomUUID().toString();
        CloudEvent other = CloudEvent.of(CountingHandler.SOURCE, "rapport.test.unrelated.v1", subject, Map.of());
        CloudEvent counted = CloudEvent.of(CountingHandler.SOURCE, CountingHandler.COUNT, subject, Map.of());
        TestKafka.send(CONCURRENT_TOPIC, subject, EventJson.toBytes(other));
        TestKafka.send(CONCURRENT_TOPIC, subject, EventJson.toBytes(counted));
        // Same key, same partition: once the later event is processed, the earlier one has been passed.
        Eventually.await("event " + counted.id() + " processed", () -> database.processed(CONCURRENT_GROUP, counted.id()));
        assertEquals(false, database.processed(CONCURRENT_GROUP, other.id()), "no processed-id row for an unaccepted type");
        assertEquals(1, database.applied(subject), "only the counted event applied");
    }

    @Test
    void twoLoopsOfOneGroupApplyEveryEventOnce() {
        assertEquals(2, runner.loopCount(CONCURRENT_GROUP), "consumer loops of the group");
        List<String> subjects = new ArrayList<>();
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String subject = UUID.randomUUID().toString();
            subjects.add(subject);
            CloudEvent first = CloudEvent.of(CountingHandler.SOURCE, CountingHandler.COUNT, subject, Map.of());
            CloudEvent second = CloudEvent.of(CountingHandler.SOURCE, CountingHandler.COUNT, subject, Map.of());
            events.add(first);
            events.add(second);
            TestKafka.send(CONCURRENT_TOPIC, subject, EventJson.toBytes(first));
            TestKafka.send(CONCURRENT_TOPIC, subject, EventJson.toBytes(first)); // a redelivered copy
            TestKafka.send(CONCURRENT_TOPIC, subject, EventJson.toBytes(second));
        }
        for (CloudEvent event : events) {
            Eventually.await("event " + event.id() + " processed",
                    () -> database.processed(CONCURRENT_GROUP, event.id()));
        }
        for (String subject : subjects) {
            assertEquals(2, database.applied(subject), "two distinct events of " + subject + ", each once");
        }
    }
}
