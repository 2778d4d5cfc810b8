package dev.rapport.messaging.internal;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KafkaClientSettingsTest {

    private final KafkaClientSettings settings = new KafkaClientSettings(Map.of(
            "bootstrap.servers", "broker:9092",
            "security.protocol", "SSL",
            "linger.ms", "20",
            "acks", "1",
            "bootstrap", "leaked-from-KAFKA_BOOTSTRAP",
            "group.id", "application-name"));

    @Test
    void serviceSettingsOverrideDefaultsButNotTheRequiredOnes() {
        Map<String, Object> producer = settings.producer(
                Map.of("linger.ms", 0, "delivery.timeout.ms", 30_000),
                Map.of("acks", "all"));

        assertEquals("broker:9092", producer.get("bootstrap.servers"));
        assertEquals("SSL", producer.get("security.protocol"));
        assertEquals("20", producer.get("linger.ms"));
        assertEquals(30_000, producer.get("delivery.timeout.ms"));
        assertEquals("all", producer.get("acks"));
    }

    @Test
    void passesOnlyNamesTheClientKnows() {
        Map<String, Object> producer = settings.producer(Map.of(), Map.of());
        Map<String, Object> consumer = settings.consumer(Map.of(), Map.of("group.id", "billing"));

        assertFalse(producer.containsKey("bootstrap"));
        assertFalse(producer.containsKey("group.id"), "group.id is a consumer setting");
        assertFalse(consumer.containsKey("acks"), "acks is a producer setting");
        assertEquals("billing", consumer.get("group.id"));
    }

    @Test
    void refusesToStartWithoutBootstrapServers() {
        assertThrows(IllegalStateException.class, () -> new KafkaClientSettings(Map.of("linger.ms", "1")));
    }
}
