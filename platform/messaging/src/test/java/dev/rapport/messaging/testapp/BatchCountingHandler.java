package dev.rapport.messaging.testapp;

import dev.rapport.events.CloudEvent;
import dev.rapport.messaging.consumer.EventHandler;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link CountingHandler}'s behaviours in batch mode, on a topic and group of its own; remembers each batch. */
@ApplicationScoped
public class BatchCountingHandler implements EventHandler {

    public static final String BATCH_TOPIC = "test.batch.events";
    public static final String BATCH_GROUP = "test-batch";

    private final CountingHandler counting;
    private final List<List<UUID>> batches = new CopyOnWriteArrayList<>();

    public BatchCountingHandler(AgroalDataSource dataSource) {
        this.counting = new CountingHandler(dataSource);
    }

    @Override
    public String consumerGroup() {
        return BATCH_GROUP;
    }

    @Override
    public Set<String> topics() {
        return Set.of(BATCH_TOPIC);
    }

    @Override
    public boolean batched() {
        return true;
    }

    @Override
    public void handle(CloudEvent event) throws Exception {
        counting.handle(event);
    }

    @Override
    public void handleAll(List<CloudEvent> events) throws Exception {
        batches.add(events.stream().map(CloudEvent::id).toList());
        EventHandler.super.handleAll(events);
    }

    /** How often {@link #handle} was called for the event, in batches and alone. */
    public int attempts(UUID eventId) {
        return counting.attempts(eventId);
    }

    /** The ids of the first batch that held {@code eventId} (rolled back ones included). */
    public List<UUID> batchOf(UUID eventId) {
        return batches.stream().filter(b -> b.contains(eventId)).findFirst().orElse(List.of());
    }
}
