package dev.rapport.messaging.outbox;

import dev.rapport.messaging.MessagingConfig;
import dev.rapport.messaging.internal.Backoff;
import dev.rapport.messaging.internal.KafkaClientSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs this instance's {@link OutboxRelay} from application start to shutdown (unless
 * {@code rapport.messaging.outbox.enabled=false}). {@link #stop()} and {@link #start()} let an
 * operator or a test hand the relay lock to another instance.
 */
@ApplicationScoped
public class OutboxRelayService {

    private final MessagingConfig config;
    private final Map<String, Object> kafkaSettings;
    private final Optional<String> jdbcUrl;
    private final Optional<String> username;
    private final Optional<String> password;
    private final String applicationName;
    private OutboxRelay relay;

    OutboxRelayService(MessagingConfig config,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaSettings,
                       @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl,
                       @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                       @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                       @ConfigProperty(name = "quarkus.application.name", defaultValue = "rapport") String applicationName) {
        this.config = config;
        this.kafkaSettings = kafkaSettings;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.applicationName = applicationName;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.outbox().enabled()) {
            start();
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts a relay unless one runs; it publishes once it holds the lock. */
    public synchronized void start() {
        if (relay == null) {
            relay = newRelay("rapport-outbox-relay");
            relay.start();
        }
    }

    /** Stops this instance's relay (releasing the lock to another instance), if it runs. */
    public synchronized void stop() {
        if (relay != null) {
            relay.stop();
            relay = null;
        }
    }

    /** Whether this instance's relay holds the lock and publishes. */
    public synchronized boolean isLeader() {
        return relay != null && relay.isLeader();
    }

    /** Rounds of this instance's current relay that could not send everything (0 when not running). */
    public synchronized long failedRounds() {
        return relay == null ? 0 : relay.failedRounds();
    }

    /**
     * A relay of this service's outbox, not started, competing for the same lock. The service runs
     * one itself; this is for tests and tools that need a second one.
     */
    public OutboxRelay newRelay(String name) {
        return new OutboxRelay(settings(name), name);
    }

    /** The settings of a relay named {@code name}, from this service's configuration. */
    public RelaySettings settings(String name) {
        MessagingConfig.Outbox outbox = config.outbox();
        String url = jdbcUrl.orElseThrow(() -> new IllegalStateException(
                "the outbox relay needs quarkus.datasource.jdbc.url (the default datasource)"));
        return new RelaySettings(
                url, username.orElse(null), password.orElse(null),
                producerProperties(name),
                outbox.batchSize(), outbox.linger(), outbox.idleWait(), outbox.lockRetryInterval(),
                new Backoff(outbox.initialBackoff(), outbox.maxBackoff()),
                outbox.retention(), config.consumer().processedRetention(), outbox.purgeInterval(),
                outbox.shutdownTimeout());
    }

    private Map<String, Object> producerProperties(String name) {
        long deliveryTimeout = Math.min(Integer.MAX_VALUE, config.outbox().deliveryTimeout().toMillis());
        return new KafkaClientSettings(kafkaSettings).producer(
                Map.of(
                        // A bounded wait when the broker is gone: the rows simply stay pending and are retried.
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1, deliveryTimeout / 3),
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.max(1, deliveryTimeout / 3),
                        // Kafka 4 waits 5 ms by default to fill batches; an idle relay should send at once.
                        ProducerConfig.LINGER_MS_CONFIG, 0,
                        ProducerConfig.CLIENT_ID_CONFIG, name + "-" + UUID.randomUUID().toString().substring(0, 8)),
                Map.of(
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                        // No duplicates from the producer's own retries and no reordering within a partition.
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                        // Each round is one Kafka transaction: a batch that expires while the broker is
                        // away can then never be overtaken by a later batch of the same key (which a
                        // plain idempotent producer allows). One id per service also fences a relay
                        // that lost its database session but still thinks it leads.
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG, applicationName + "-outbox-relay",
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5));
    }
}
