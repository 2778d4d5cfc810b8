package dev.rapport.testing;


import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;

/**
 * Reads a service's topic on the real broker as a production consumer does (read committed: the
 * outbox relay publishes in Kafka transactions), for tests that check what was really published.
 * Subscribe before the writes under test; a new consumer group starts at the earliest offset.
 */
public final class EventTopic implements AutoCloseable {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private EventTopic(KafkaConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    /** The topic on the broker the application under test uses ({@code kafka.bootstrap.servers}). */
    public static EventTopic subscribe(String topic) {
        return subscribe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), topic);
    }

    public static EventTopic subscribe(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return new EventTopic(consumer);
    }

    /** Waits (30 s at most) until {@code count} events keyed by {@code subject} arrived; returns them in topic order. */
    public List<CloudEvent> await(String subject, int count) {
        return awaitRecords(subject, count).stream().map(r -> EventJson.parse(r.value())).toList();
    }

    /** Waits until an event of {@code type} for {@code subject} arrived and returns the first one. */
    public CloudEvent awaitType(String subject, String type) {
        Predicate<CloudEvent> wanted = e -> type.equals(e.type());
        org.awaitility.Awaitility.await().atMost(DEFAULT_WAIT).pollInterval(Duration.ZERO).until(() -> {
            poll();
            return events(subject).stream().anyMatch(wanted);
        });
        return events(subject).stream().filter(wanted).findFirst().orElseThrow();
    }

    /** The raw records of {@code subject}, for tests of keys, headers and partitions. */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(String subject, int count) {
        org.awaitility.Awaitility.await().atMost(DEFAULT_WAIT).pollInterval(Duration.ZERO)
                .alias(count + " events of " + subject)
                .until(() -> {
                    poll();
                    return records(subject).size() >= count;
                });
        return records(subject);
    }

    /** Everything of {@code subject} that arrives within {@code wait}: proves that nothing more was published. */
    public List<CloudEvent> during(String subject, Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < end) {
            poll();
        }
        return events(subject);
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            seen.add(record);
        }
    }

    private List<ConsumerRecord<String, byte[]>> records(String subject) {
        return seen.stream().filter(r -> subject.equals(r.key())).toList();
    }

    private List<CloudEvent> events(String subject) {
        return records(subject).stream().map(r -> EventJson.parse(r.value())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
