package dev.rapport.messaging.internal;

import io.quarkus.kafka.client.runtime.KafkaRuntimeConfigProducer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Builds the properties of the library's Kafka clients from the service's {@code kafka.*} settings
 * (as collected by the Quarkus Kafka extension, so TLS/SASL settings apply too), then the library's
 * defaults where the service set nothing, then the settings the guarantees depend on.
 */
public final class KafkaClientSettings {

    private final Map<String, Object> serviceSettings;

    public KafkaClientSettings(Map<String, Object> serviceSettings) {
        this.serviceSettings = Map.copyOf(serviceSettings);
        if (!this.serviceSettings.containsKey(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalStateException("kafka.bootstrap.servers is not configured");
        }
    }

    public Map<String, Object> producer(Map<String, Object> defaults, Map<String, Object> required) {
        return merge(ProducerConfig.configNames(), defaults, required);
    }

    public Map<String, Object> consumer(Map<String, Object> defaults, Map<String, Object> required) {
        return merge(ConsumerConfig.configNames(), defaults, required);
    }

    private Map<String, Object> merge(Set<String> knownNames, Map<String, Object> defaults,
                                      Map<String, Object> required) {
        Map<String, Object> result = new HashMap<>(defaults);
        // The extension also picks up unrelated names (e.g. the KAFKA_BOOTSTRAP env var as "bootstrap");
        // passing those on would only make every client log "supplied but isn't a known config".
        serviceSettings.forEach((name, value) -> {
            if (knownNames.contains(name) || name.equals(KafkaRuntimeConfigProducer.TLS_CONFIG_NAME_KEY)) {
                result.put(name, value);
            }
        });
        result.putAll(required);
        return result;
    }
}
