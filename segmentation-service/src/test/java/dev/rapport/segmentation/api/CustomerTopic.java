package dev.rapport.segmentation.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.events.Topics;
import dev.rapport.events.customer.CustomerErased;
import dev.rapport.events.customer.CustomerRegistered;
import dev.rapport.events.customer.CustomersMerged;
import dev.rapport.events.customer.PurchaseRecorded;
import dev.rapport.events.customer.PurchaseReturned;

/** Produces real CloudEvents onto the customer topic, as customer-service's outbox relay does. */
final class CustomerTopic implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    CustomerTopic() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    CloudEvent send(CloudEvent event) {
        try {
            producer.send(new ProducerRecord<>(Topics.CUSTOMER_EVENTS, event.subject(), EventJson.toBytes(event))).get();
            return event;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void sendRaw(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    CloudEvent registered(UUID customerId, String externalId, String channel) {
        return send(CloudEvent.of(dev.rapport.events.customer.CustomerEvents.SOURCE, CustomerRegistered.TYPE,
                customerId.toString(), new CustomerRegistered(customerId, externalId, "x@example.com", null, "Ada",
                        "Lovelace", null, channel, LocalDate.of(1990, 1, 1), null, List.of(), Instant.now())));
    }

    CloudEvent purchase(UUID customerId, UUID purchaseId, String total, Instant occurredAt) {
        return send(CloudEvent.of(dev.rapport.events.customer.CustomerEvents.SOURCE, PurchaseRecorded.TYPE,
                customerId.toString(), new PurchaseRecorded(customerId, purchaseId, "O-" + purchaseId,
                        new BigDecimal(total), "GBP", occurredAt, 1)));
    }

    CloudEvent returned(UUID customerId, UUID purchaseId, String amount) {
        return send(CloudEvent.of(dev.rapport.events.customer.CustomerEvents.SOURCE, PurchaseReturned.TYPE,
                customerId.toString(), new PurchaseReturned(customerId, purchaseId, "O-" + purchaseId,
                        UUID.randomUUID(), "R-" + UUID.randomUUID(), new BigDecimal(amount), "GBP", Instant.now(),
                        "damaged")));
    }

    CloudEvent merged(UUID survivorId, UUID duplicateId) {
        return send(CloudEvent.of(dev.rapport.events.customer.CustomerEvents.SOURCE, CustomersMerged.TYPE,
                survivorId.toString(), new CustomersMerged(survivorId, duplicateId, Instant.now())));
    }

    CloudEvent erased(UUID customerId, UUID erasureId) {
        return send(CloudEvent.of(dev.rapport.events.customer.CustomerEvents.SOURCE, CustomerErased.TYPE,
                customerId.toString(), new CustomerErased(customerId, erasureId, Instant.now())));
    }

    @Override
    public void close() {
        producer.close();
    }
}
