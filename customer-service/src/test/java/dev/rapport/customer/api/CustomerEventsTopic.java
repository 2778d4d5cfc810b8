package dev.rapport.customer.api;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import dev.rapport.events.Topics;

/**
 * Reads {@code rapport.customer.events} from the real broker the way a production consumer does
 * (read committed: the outbox relay publishes in Kafka transactions), for tests that check what
 * the service really published.
 */
final class CustomerEventsTopic implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;

    private CustomerEventsTopic(KafkaConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    /** Subscribes a new consumer group from the earliest offset; call before the writes under test. */
    static CustomerEventsTopic subscribe() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "customer-events-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.CUSTOMER_EVENTS));
        return new CustomerEventsTopic(consumer);
    }

    /** Polls until {@code count} records keyed by this customer arrived; fails after 30 s. */
    List<ConsumerRecord<String, byte[]>> readUntil(String customerId, int count) {
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(30);
        while (mine.size() < count) {
            if (Instant.now().isAfter(deadline)) {
                fail("only " + mine.size() + " of " + count + " events of customer " + customerId + " arrived");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                if (customerId.equals(record.key())) {
                    mine.add(record);
                }
            }
        }
        return mine;
    }

    /** Records of this customer that arrive within {@code wait} (to prove nothing more was published). */
    List<ConsumerRecord<String, byte[]>> readFor(String customerId, Duration wait) {
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        Instant deadline = Instant.now().plus(wait);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                if (customerId.equals(record.key())) {
                    mine.add(record);
                }
            }
        }
        return mine;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
