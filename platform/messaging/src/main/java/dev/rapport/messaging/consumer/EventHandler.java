package dev.rapport.messaging.consumer;

import dev.rapport.events.CloudEvent;

import java.util.List;
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
 *
 * <p><b>Batch mode</b> ({@link #batched()}): the records of one poll are applied together in ONE
 * transaction through {@link #handleAll}, with their ids recorded in one statement (ids already processed
 * and repeats inside the poll are left out). Offsets are committed after that transaction. When the batch
 * fails, it is rolled back as a whole and the poll's events are applied one by one as without batch mode,
 * so a poison event still goes to the dead-letter topic alone and the others are applied once.
 */
public interface EventHandler {

    /** Kafka consumer group; also the scope of the processed-event ids. Keep it stable. */
    String consumerGroup();

    Set<String> topics();

    void handle(CloudEvent event) throws Exception;

    /**
     * Consumer loops of the group in this instance, each a thread with its own Kafka consumer: Kafka
     * spreads the topics' partitions over them (no more loops than partitions are useful), so events of
     * one key stay in order while those of different keys are applied at the same time. Only for a
     * handler whose effects on different keys may run concurrently (their transactions may then wait on
     * each other's row locks, and a deadlock rolls a batch back to be retried one by one). 1 unless overridden.
     */
    default int concurrency() {
        return 1;
    }

    /**
     * Whether events of this CloudEvents {@code type} concern the handler. Those that do not are passed by
     * without a transaction or a processed-id row (they change nothing, so there is nothing to keep
     * once): a handler reading one type from a busy topic then costs a parse per event, not a commit.
     * Every type unless overridden.
     */
    default boolean accepts(String type) {
        return true;
    }

    /**
     * Whether the library records the id of each applied event of this CloudEvents {@code type} (the
     * at-most-once guarantee described above). A handler whose effect for a type is idempotent by itself,
     * e.g. keyed by a business id that a unique index guards and checked before writing, may answer
     * {@code false}: such events then cost no processed-id row (an insert into a table and two indexes per
     * event), and a redelivery reaches the handler again, which must then change nothing. In batch mode a
     * repeat of such an event inside one poll is still left out. Every type is recorded unless overridden.
     */
    default boolean recordsProcessed(String type) {
        return true;
    }

    /** Whether the records of one poll are applied in one transaction (see above). Off unless overridden. */
    default boolean batched() {
        return false;
    }

    /**
     * Batch mode only: applies {@code events} (delivery order per partition, none processed before, no
     * repeats) in the caller's one transaction. The default calls {@link #handle} for each; override it to
     * share work between events (one query for all of them). Any exception rolls the whole batch back.
     */
    default void handleAll(List<CloudEvent> events) throws Exception {
        for (CloudEvent event : events) {
            handle(event);
        }
    }
}
