package dev.rapport.loyalty.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.path.json.JsonPath;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.events.Topics;
import dev.rapport.events.customer.CustomerErased;
import dev.rapport.events.customer.CustomerEvents;
import dev.rapport.events.customer.CustomerRegistered;
import dev.rapport.events.customer.CustomersMerged;
import dev.rapport.events.customer.PurchaseRecorded;
import dev.rapport.events.customer.PurchaseReturned;

/**
 * Drives the service as customer-service would: real CloudEvents produced onto rapport.customer.events,
 * then the effect awaited through the API.
 */
final class Members {

    private static KafkaProducer<String, byte[]> producer;

    private Members() {
    }

    static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    static CloudEvent send(CloudEvent event) {
        try {
            producer().send(new ProducerRecord<>(Topics.CUSTOMER_EVENTS, event.subject(), EventJson.toBytes(event))).get();
            return event;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends without waiting for the broker's answer (call {@code producer().flush()} after a batch). */
    static CloudEvent sendAsync(CloudEvent event) {
        producer().send(new ProducerRecord<>(Topics.CUSTOMER_EVENTS, event.subject(), EventJson.toBytes(event)));
        return event;
    }

    static CloudEvent event(String type, UUID subject, Object data) {
        return CloudEvent.of(CustomerEvents.SOURCE, type, subject.toString(), data);
    }

    static UUID register() {
        return register(UUID.randomUUID(), null, null, null, null);
    }

    static UUID register(UUID id, String email, String phone, LocalDate birthday, String referralCode) {
        send(event(CustomerRegistered.TYPE, id, new CustomerRegistered(id, null, email, phone, "Ada", "Lovelace", null,
                "web", birthday, referralCode, List.of(), Instant.now())));
        awaitAccount(id, json -> true);
        return id;
    }

    static CloudEvent purchase(UUID customerId, String orderId, String total, Instant at) {
        return send(event(PurchaseRecorded.TYPE, customerId, new PurchaseRecorded(customerId, UUID.randomUUID(), orderId,
                new BigDecimal(total), "EUR", at, 1)));
    }

    /** A purchase older than the pending period: its points are available at once. */
    static String earnAvailable(UUID customerId, String total) {
        String orderId = "O-" + UUID.randomUUID();
        purchase(customerId, orderId, total, Instant.now().minus(Duration.ofDays(40)));
        awaitLedger(customerId, json -> json.getList("items.source.id").contains(orderId));
        return orderId;
    }

    static CloudEvent returned(UUID customerId, String orderId, String amount) {
        return send(event(PurchaseReturned.TYPE, customerId, new PurchaseReturned(customerId, UUID.randomUUID(), orderId,
                UUID.randomUUID(), "R-" + UUID.randomUUID(), new BigDecimal(amount), "EUR", Instant.now(), "damaged")));
    }

    static CloudEvent merged(UUID survivor, UUID duplicate) {
        return send(event(CustomersMerged.TYPE, survivor, new CustomersMerged(survivor, duplicate, Instant.now())));
    }

    static CloudEvent erased(UUID customerId, UUID erasureId) {
        return send(event(CustomerErased.TYPE, customerId, new CustomerErased(customerId, erasureId, Instant.now())));
    }

    static JsonPath account(UUID customerId) {
        return given().when().get("/loyalty/accounts/{id}", customerId).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitAccount(UUID customerId, Predicate<JsonPath> done) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = given().when().get("/loyalty/accounts/{id}", customerId).then().extract();
            return response.statusCode() == 200 && done.test(response.jsonPath());
        });
        return account(customerId);
    }

    static JsonPath ledger(UUID customerId) {
        return given().queryParam("limit", 100).when().get("/loyalty/accounts/{id}/ledger", customerId)
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitLedger(UUID customerId, Predicate<JsonPath> done) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = given().queryParam("limit", 100).when().get("/loyalty/accounts/{id}/ledger", customerId)
                    .then().extract();
            return response.statusCode() == 200 && done.test(response.jsonPath());
        });
        return ledger(customerId);
    }
}
