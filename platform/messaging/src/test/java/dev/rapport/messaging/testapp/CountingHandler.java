package dev.rapport.messaging.testapp;

import dev.rapport.events.CloudEvent;
import dev.rapport.messaging.consumer.EventHandler;
import dev.rapport.messaging.consumer.PoisonEventException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test handler: counts applications per subject in {@code test_effect} (an effect that is not
 * idempotent by itself). The event type selects a behaviour, so one handler covers every scenario.
 */
@ApplicationScoped
public class CountingHandler implements EventHandler {

    public static final String TOPIC = "test.counting.events";
    public static final String GROUP = "test-counting";
    public static final String SOURCE = "/rapport/messaging-test";

    /** Applies the effect. */
    public static final String COUNT = "rapport.test.count.v1";
    /** Writes the effect, then fails {@code data.failures} times with a transient error before succeeding. */
    public static final String FLAKY = "rapport.test.flaky.v1";
    /** Always fails with a transient error: exhausts the attempts. */
    public static final String BROKEN = "rapport.test.broken.v1";
    /** Rejects the event as poison: no retry. */
    public static final String POISON = "rapport.test.poison.v1";

    private final AgroalDataSource dataSource;
    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

    public CountingHandler(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String consumerGroup() {
        return GROUP;
    }

    @Override
    public Set<String> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public void handle(CloudEvent event) throws Exception {
        int attempt = attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        switch (event.type()) {
            case COUNT -> applyEffect(event.subject());
            case FLAKY -> {
                // Effect first, failure after: the rollback must take the effect back with it.
                applyEffect(event.subject());
                if (attempt <= event.data().get("failures").asInt()) {
                    throw new java.sql.SQLTransientException("simulated transient failure " + attempt);
                }
            }
            case BROKEN -> throw new IllegalStateException("simulated outage that does not end");
            case POISON -> throw new PoisonEventException("cannot handle " + event.subject());
            default -> {
                // Other types are not this handler's business.
            }
        }
    }

    /** How often {@link #handle} was called for the event (duplicates skipped by the library do not count). */
    public int attempts(UUID eventId) {
        AtomicInteger count = attempts.get(eventId);
        return count == null ? 0 : count.get();
    }

    private void applyEffect(String subject) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO test_effect (subject, applied) VALUES (?, 1)
                     ON CONFLICT (subject) DO UPDATE SET applied = test_effect.applied + 1""")) {
            upsert.setString(1, subject);
            upsert.executeUpdate();
        }
    }
}
