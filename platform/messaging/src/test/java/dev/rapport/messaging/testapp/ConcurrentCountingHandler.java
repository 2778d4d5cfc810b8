package dev.rapport.messaging.testapp;

import dev.rapport.events.CloudEvent;
import dev.rapport.messaging.consumer.EventHandler;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** {@link CountingHandler}'s behaviours in batch mode with two consumer loops, on a topic and group of its own. */
@ApplicationScoped
public class ConcurrentCountingHandler implements EventHandler {

    public static final String CONCURRENT_TOPIC = "test.concurrent.events";
    public static final String CONCURRENT_GROUP = "test-concurrent";

    private final CountingHandler counting;

    public ConcurrentCountingHandler(AgroalDataSource dataSource) {
        this.counting = new CountingHandler(dataSource);
    }

    @Override
    public String consumerGroup() {
        return CONCURRENT_GROUP;
    }

    @Override
    public Set<String> topics() {
        return Set.of(CONCURRENT_TOPIC);
    }

    @Override
    public int concurrency() {
        return 2;
    }

    /** Counts only; any other type on its topic is passed by. */
    @Override
    public boolean accepts(String type) {
        return CountingHandler.COUNT.equals(type);
    }

    @Override
    public boolean batched() {
        return true;
    }

    @Override
    public void handle(CloudEvent event) throws Exception {
        counting.handle(event);
    }
}
