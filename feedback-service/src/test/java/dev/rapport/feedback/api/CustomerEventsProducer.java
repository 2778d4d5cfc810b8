package dev.rapport.feedback.api;

import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.events.Topics;
import dev.rapport.events.customer.CustomerEvents;

/** Publishes real CloudEvents on rapport.customer.events, as customer-service would (or on another service's topic). */
final class CustomerEventsProducer {

    private CustomerEventsProducer() {
    }

    static void send(String subject, String type, Object data) {
        send(subject, EventJson.toBytes(CloudEvent.of(CustomerEvents.SOURCE, type, subject, data)));
    }

    static void send(String key, byte[] value) {
        send(Topics.CUSTOMER_EVENTS, key, value);
    }

    /** Any service's event, as that service would publish it on its topic. */
    static void send(String topic, String key, byte[] value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
