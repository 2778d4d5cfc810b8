package dev.rapport.messaging.consumer;

import dev.rapport.events.CloudEvent;

import java.util.Set;

/**
 * A consumer of events. Every CDI bean implementing this is run by the library in a consumer loop of
 * its own: each event of {@link #topics()} reaches {@link #handle} at most once per
 * {@link #consumerGroup()} with effect, inside a new JTA transaction that also records the event id,
 * so whatever {@code handle} writes through the service's datasource commits together with that id.
 *
 * <p>Throw {@link PoisonEventException} (or an {@link IllegalArgumentException}) for an event that can
 * never be handled: it goes to the dead-letter topic at once. Any other exception is retried with
 * backoff, then dead-lettered. Events the handler does not care about (other types) are simply ignored
 * by returning.
 */
public interface EventHandler {

    /** Kafka consumer group; also the scope of the processed-event ids. Keep it stable. */
    String consumerGroup();

    Set<String> topics();

    void handle(CloudEvent event) throws Exception;
}
