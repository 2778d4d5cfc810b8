package dev.rapport.messaging.consumer;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.messaging.internal.Backoff;
import dev.rapport.messaging.internal.StopSignal;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * The consumer loop of one {@link EventHandler}, on a thread of its own with its own KafkaConsumer.
 *
 * <p>Records are processed one by one in partition order. A partition's offsets are committed after
 * its records of the poll are done (applied, skipped as duplicate, or dead-lettered), so a crash or a
 * rebalance only causes redelivery, which the processed-event ids absorb. That commit is asynchronous
 * (the next poll does not wait for the broker); revocation and shutdown commit the latest offsets
 * synchronously. A handler in batch mode
 * ({@link EventHandler#batched()}) gets all records of a poll in one transaction, falling back to one by
 * one when that transaction fails; offsets are committed after it. A broker outage or a failed
 * commit rewinds the partitions to their first unfinished record, so nothing is skipped.
 */
final class ConsumerLoop {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final EventHandler handler;
    private final String group;
    private final Set<String> topics;
    private final Map<String, Object> consumerProperties;
    private final IdempotentProcessor processor;
    private final Producer<String, byte[]> deadLetterProducer;
    private final int maxAttempts;
    private final Backoff backoff;
    private final Duration pollTimeout;
    private final StopSignal stop = new StopSignal();
    private final Thread thread;
    /** Next offset to commit per partition: everything before it is done. Loop thread only. */
    private final Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    /** The latest offset handed to an asynchronous commit per partition, confirmed or not. Loop thread only. */
    private final Map<TopicPartition, OffsetAndMetadata> requested = new HashMap<>();
    private volatile KafkaConsumer<String, byte[]> consumer;

    ConsumerLoop(EventHandler handler, String group, Set<String> topics, Map<String, Object> consumerProperties,
                 IdempotentProcessor processor, Producer<String, byte[]> deadLetterProducer,
                 int maxAttempts, Backoff backoff, Duration pollTimeout) {
        this.handler = handler;
        this.group = group;
        this.topics = Set.copyOf(topics);
        this.consumerProperties = Map.copyOf(consumerProperties);
        this.processor = processor;
        this.deadLetterProducer = deadLetterProducer;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.pollTimeout = pollTimeout;
        this.thread = new Thread(this::run, "rapport-consumer-" + group);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Asks the loop to stop; a record being handled finishes first (its retries are cut short). */
    void requestStop() {
        stop.raise();
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    String group() {
        return group;
    }

    void awaitStop(Duration timeout) {
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warnf("consumer loop of group %s did not stop within %s", group, timeout);
        }
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerProperties)) {
            consumer = kafka;
            if (stop.isRaised()) {
                return;
            }
            kafka.subscribe(topics, new CommitOnRevoke(kafka));
            LOG.infof("consumer group %s subscribed to %s", group, topics);
            int failures = 0;
            while (!stop.isRaised()) {
                ConsumerRecords<String, byte[]> records = ConsumerRecords.empty();
                try {
                    records = kafka.poll(pollTimeout);
                    if (handler.batched() && records.count() > 1) {
                        processBatch(records);
                        commit(kafka);
                        failures = 0;
                        continue;
                    }
                    for (TopicPartition partition : records.partitions()) {
                        for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                            process(record);
                            done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                        }
                        commit(kafka);
                    }
                    failures = 0;
                } catch (WakeupException | Stopping e) {
                    break;
                } catch (CommitFailedException | RebalanceInProgressException e) {
                    // The partitions moved to another member, which resumes from the last commit and
                    // skips what this one applied; nothing to keep here.
                    LOG.infof("consumer group %s rebalanced before offsets were committed: %s", group, e.getMessage());
                    done.clear();
                    rewind(kafka, records);
                } catch (KafkaException e) {
                    failures++;
                    LOG.warnf("consumer group %s: Kafka unavailable (%s); retrying", group, e.getMessage());
                    rewind(kafka, records);
                    stop.pause(backoff.delay(failures));
                } catch (RuntimeException e) {
                    failures++;
                    LOG.errorf(e, "consumer group %s: unexpected failure; retrying", group);
                    rewind(kafka, records);
                    stop.pause(backoff.delay(failures));
                }
            }
            commitOnShutdown(kafka);
        } catch (RuntimeException e) {
            LOG.errorf(e, "consumer loop of group %s could not run", group);
        } finally {
            consumer = null;
            LOG.infof("consumer group %s stopped", group);
        }
    }

    /**
     * Batch mode: every record of the poll in one transaction; if that fails, one by one. Either way
     * each record ends applied, skipped as duplicate, or dead-lettered, and is marked done for the commit.
     */
    private void processBatch(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> parsedRecords = new ArrayList<>(records.count());
        List<CloudEvent> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                CloudEvent event = EventJson.parse(record.value());
                if (handler.accepts(event.type())) {
                    events.add(event);
                    parsedRecords.add(record);
                }
            } catch (IllegalArgumentException e) {
                deadLetter(record, e, 0);
            }
        }
        boolean applied = events.isEmpty();
        if (!applied) {
            try {
                int count = processor.processAll(handler, events);
                LOG.debugf("consumer group %s applied %d of a batch of %d event(s)", group, count, events.size());
                applied = true;
            } catch (RuntimeException e) {
                // Rolled back as a whole: find the event at fault (or wait out an outage) one at a time.
                LOG.infof("consumer group %s: a batch of %d event(s) failed (%s); applying them one by one",
                        group, events.size(), Failures.unwrap(e).toString());
            }
        }
        if (applied) {
            for (TopicPartition partition : records.partitions()) {
                done.put(partition, new OffsetAndMetadata(records.records(partition).getLast().offset() + 1));
            }
            return;
        }
        for (int i = 0; i < events.size(); i++) {
            ConsumerRecord<String, byte[]> record = parsedRecords.get(i);
            processEvent(record, events.get(i));
            done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        for (TopicPartition partition : records.partitions()) {
            // Partitions whose records were all dead-lettered while parsing, or not accepted.
            done.put(partition, new OffsetAndMetadata(records.records(partition).getLast().offset() + 1));
        }
    }

    /** Handles one record to completion: applied, skipped as duplicate, or dead-lettered. */
    private void process(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = EventJson.parse(record.value());
        } catch (IllegalArgumentException e) {
            deadLetter(record, e, 0);
            return;
        }
        if (handler.accepts(event.type())) {
            processEvent(record, event);
        }
    }

    private void processEvent(ConsumerRecord<String, byte[]> record, CloudEvent event) {
        int attempts = 0;
        int storeFailures = 0;
        while (true) {
            try {
                if (!processor.process(handler, event)) {
                    LOG.debugf("consumer group %s skipped event %s: already processed", group, event.id());
                }
                return;
            } catch (RuntimeException e) {
                if (hasCause(e, ProcessedEventStoreException.class)) {
                    // The database is down: wait for it rather than spend the event's attempts.
                    storeFailures++;
                    LOG.warnf("consumer group %s waits for the database: %s", group, e.getMessage());
                    pauseOrStop(backoff.delay(storeFailures));
                    continue;
                }
                attempts++;
                Throwable failure = Failures.unwrap(e);
                if (!Failures.isRetryable(e) || attempts >= maxAttempts) {
                    deadLetter(record, failure, attempts);
                    return;
                }
                LOG.warnf("consumer group %s: attempt %d/%d of event %s (%s) failed: %s",
                        group, attempts, maxAttempts, event.id(), event.type(), failure.toString());
                pauseOrStop(backoff.delay(attempts));
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Throwable failure, int attempts) {
        var letter = DeadLetter.of(record, group, failure, attempts);
        int failures = 0;
        while (true) {
            try {
                deadLetterProducer.send(letter).get();
                LOG.warnf("consumer group %s sent %s-%d@%d to %s after %d attempt(s): %s", group, record.topic(),
                        record.partition(), record.offset(), letter.topic(), attempts, failure.toString());
                return;
            } catch (ExecutionException | KafkaException e) {
                // Moving on without the dead letter would lose the record; wait for Kafka instead.
                failures++;
                LOG.warnf("consumer group %s cannot write to %s (%s); retrying", group, letter.topic(), e.getMessage());
                pauseOrStop(backoff.delay(failures));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopping();
            }
        }
    }

    private void pauseOrStop(Duration pause) {
        if (!stop.pause(pause)) {
            throw new Stopping();
        }
    }

    private void commit(KafkaConsumer<String, byte[]> kafka) {
        if (!done.isEmpty()) {
            // A lost or failed asynchronous commit only redelivers events already done, which are skipped.
            kafka.commitAsync(Map.copyOf(done), (offsets, failure) -> {
                if (failure != null) {
                    LOG.debugf("consumer group %s: offset commit failed (%s); a later commit covers it",
                            group, failure.toString());
                }
            });
            requested.putAll(done);
            done.clear();
        }
    }

    private void commitOnShutdown(KafkaConsumer<String, byte[]> kafka) {
        requested.putAll(done);
        if (requested.isEmpty()) {
            return;
        }
        try {
            kafka.commitSync(requested, CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.infof("consumer group %s could not commit at shutdown (%s); those events are redelivered"
                    + " and skipped as already processed", group, e.getMessage());
        }
    }

    /**
     * Points every assigned partition of the failed poll back to its first record not yet done, so the
     * next poll returns it again instead of the records after it.
     */
    private void rewind(KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
        Set<TopicPartition> assigned;
        try {
            assigned = kafka.assignment();
        } catch (RuntimeException e) {
            return;
        }
        for (TopicPartition partition : records.partitions()) {
            if (!assigned.contains(partition)) {
                continue;
            }
            List<ConsumerRecord<String, byte[]>> polled = records.records(partition);
            OffsetAndMetadata finished = done.get(partition);
            long next = finished != null ? finished.offset() : polled.getFirst().offset();
            kafka.seek(partition, next);
        }
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Commits what is done of partitions taken away, so their next owner does not redo it. */
    private final class CommitOnRevoke implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> kafka;

        CommitOnRevoke(KafkaConsumer<String, byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> revoked = new HashMap<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata asked = requested.remove(partition);
                OffsetAndMetadata finished = done.remove(partition);
                OffsetAndMetadata offset = finished != null ? finished : asked;
                if (offset != null) {
                    revoked.put(partition, offset);
                }
            }
            if (!revoked.isEmpty()) {
                try {
                    kafka.commitSync(revoked);
                } catch (RuntimeException e) {
                    LOG.infof("consumer group %s could not commit revoked partitions: %s", group, e.getMessage());
                }
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(partition -> {
                done.remove(partition);
                requested.remove(partition);
            });
        }
    }

    /** Unwinds the loop when shutdown interrupts a retry; the record stays uncommitted. */
    private static final class Stopping extends RuntimeException {
        Stopping() {
            super(null, null, false, false);
        }
    }
}
