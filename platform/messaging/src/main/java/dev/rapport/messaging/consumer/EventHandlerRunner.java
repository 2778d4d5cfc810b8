package dev.rapport.messaging.consumer;

import dev.rapport.messaging.MessagingConfig;
import dev.rapport.messaging.internal.Backoff;
import dev.rapport.messaging.internal.KafkaClientSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Starts {@link EventHandler#concurrency()} {@link ConsumerLoop}s per {@link EventHandler} bean at application start and stops them at shutdown. */
@ApplicationScoped
class EventHandlerRunner {

    private static final Logger LOG = Logger.getLogger(EventHandlerRunner.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final MessagingConfig config;
    private final Map<String, Object> kafkaSettings;
    private KafkaClientSettings kafka;
    private final Instance<EventHandler> handlers;
    private final IdempotentProcessor processor;
    private final List<ConsumerLoop> loops = new ArrayList<>();
    private Producer<String, byte[]> deadLetterProducer;

    EventHandlerRunner(MessagingConfig config,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaSettings,
                       Instance<EventHandler> handlers,
                       IdempotentProcessor processor) {
        this.config = config;
        this.kafkaSettings = kafkaSettings;
        this.handlers = handlers;
        this.processor = processor;
    }

    synchronized void onStart(@Observes StartupEvent event) {
        if (!config.consumer().enabled() || handlers.isUnsatisfied()) {
            return;
        }
        // Built only now: a service without handlers needs no Kafka settings for consuming.
        kafka = new KafkaClientSettings(kafkaSettings);
        MessagingConfig.Consumer settings = config.consumer();
        Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        Set<String> groups = new HashSet<>();
        for (EventHandler handler : handlers) {
            String group = handler.consumerGroup();
            Set<String> topics = handler.topics();
            if (group == null || group.isBlank() || topics == null || topics.isEmpty()) {
                throw new IllegalStateException(handler.getClass().getName()
                        + " must name a consumer group and at least one topic");
            }
            if (!groups.add(group)) {
                // Two handlers in one group would each get only part of the partitions.
                throw new IllegalStateException("consumer group " + group + " is used by more than one EventHandler");
            }
            if (deadLetterProducer == null) {
                deadLetterProducer = new KafkaProducer<>(deadLetterProducerProperties());
            }
            int concurrency = handler.concurrency();
            if (concurrency < 1) {
                throw new IllegalStateException(handler.getClass().getName() + " must run at least one consumer loop");
            }
            for (int i = 0; i < concurrency; i++) {
                loops.add(new ConsumerLoop(handler, group, topics, consumerProperties(group), processor,
                        deadLetterProducer, settings.maxAttempts(), backoff, settings.pollTimeout()));
            }
        }
        loops.forEach(ConsumerLoop::start);
        LOG.infof("started %d event consumer loop(s)", loops.size());
    }

    /** Loops running for {@code group}. */
    synchronized long loopCount(String group) {
        return loops.stream().filter(loop -> loop.group().equals(group)).count();
    }

    synchronized void onShutdown(@Observes ShutdownEvent event) {
        // Ask all first so they wind down in parallel.
        loops.forEach(ConsumerLoop::requestStop);
        loops.forEach(loop -> loop.awaitStop(STOP_TIMEOUT));
        loops.clear();
        if (deadLetterProducer != null) {
            deadLetterProducer.close(Duration.ofSeconds(5));
            deadLetterProducer = null;
        }
    }

    private Map<String, Object> consumerProperties(String group) {
        return kafka.consumer(
                Map.of(
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.consumer().maxPollRecords(),
                        ConsumerConfig.CLIENT_ID_CONFIG, group + "-" + UUID.randomUUID().toString().substring(0, 8)),
                Map.of(
                        ConsumerConfig.GROUP_ID_CONFIG, group,
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                        // Offsets move only after the effect is committed (see ConsumerLoop).
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        // A new group starts from the oldest retained event, not from "now".
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        // The outbox relay publishes in transactions; an aborted round must stay unseen.
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
    }

    private Map<String, Object> deadLetterProducerProperties() {
        return kafka.producer(
                Map.of(
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                        ProducerConfig.CLIENT_ID_CONFIG, "rapport-dead-letters-" + UUID.randomUUID().toString().substring(0, 8)),
                Map.of(
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                        ProducerConfig.ACKS_CONFIG, "all"));
    }
}
