package dev.rapport.customer.api;

import static dev.rapport.customer.api.TestData.createCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.events.Topics;
import dev.rapport.events.customer.CustomerErased;
import dev.rapport.events.customer.CustomerEvents;
import dev.rapport.events.privacy.ErasureConfirmed;

/**
 * The erasure's events on the real broker: customer-erased and customer-service's own confirmation
 * out, other services' confirmations in (produced here the way those services will publish them).
 */
@QuarkusTest
class ErasureEventsKafkaTest {

    @Inject
    DataSource dataSource;

    @Test
    void erasurePublishesCustomerErasedAndItsOwnConfirmation() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.CUSTOMER_EVENTS));
            String id = createCustomer();
            String erasureId = given().when().delete("/customers/{id}", id).then().statusCode(202)
                    .extract().path("erasureId");
            given().when().delete("/customers/{id}", id).then().statusCode(202); // a repeat publishes nothing

            List<CloudEvent> events = readUntil(consumer, id,
                    e -> e.type().equals(ErasureConfirmed.type("customer")));

            assertThat(events).extracting(CloudEvent::type).containsExactly(
                    "rapport.customer.customer-registered.v1", CustomerErased.TYPE, "rapport.customer.erasure-confirmed.v1");
            CloudEvent erasedEvent = events.get(1);
            assertThat(erasedEvent.source()).isEqualTo(CustomerEvents.SOURCE);
            assertThat(erasedEvent.subject()).isEqualTo(id);
            CustomerErased erased = erasedEvent.dataAs(CustomerErased.class);
            assertThat(erased.customerId()).isEqualTo(UUID.fromString(id));
            assertThat(erased.erasureId()).isEqualTo(UUID.fromString(erasureId));
            assertThat(erased.requestedAt()).isNotNull();
            ErasureConfirmed own = events.get(2).dataAs(ErasureConfirmed.class);
            assertThat(own.erasureId()).isEqualTo(erased.erasureId());
            assertThat(own.customerId()).isEqualTo(erased.customerId());
            assertThat(own.service()).isEqualTo("customer-service");
            assertThat(own.confirmedAt()).isEqualTo(erased.requestedAt());
        }
    }

    @Test
    void confirmationsFromOtherServicesAreRecordedOnceAndCompleteTheErasure() throws Exception {
        String id = createCustomer();
        UUID customerId = UUID.fromString(id);
        UUID erasureId = UUID.fromString(given().when().delete("/customers/{id}", id).then().statusCode(202)
                .extract().path("erasureId"));
        Instant loyaltyAt = Instant.parse("2024-06-01T12:00:01Z");

        try (KafkaProducer<String, byte[]> producer = producer()) {
            CloudEvent loyalty = confirmation("loyalty", customerId, erasureId, "loyalty-service", loyaltyAt);
            send(producer, Topics.LOYALTY_EVENTS, loyalty);
            waitFor(id, json -> json.getList("confirmed.service").contains("loyalty-service"));

            // The same event again, and a second confirmation of loyalty-service under a new event id, then a
            // marker on the same partition (same key): once the marker is applied, so were the two before it.
            send(producer, Topics.LOYALTY_EVENTS, loyalty);
            send(producer, Topics.LOYALTY_EVENTS,
                    confirmation("loyalty", customerId, erasureId, "loyalty-service", loyaltyAt.plusSeconds(60)));
            send(producer, Topics.LOYALTY_EVENTS, CloudEvent.of("/rapport/loyalty-service",
                    "rapport.loyalty.points-awarded.v1", id, java.util.Map.of("points", 5))); // not ours: ignored
            send(producer, Topics.LOYALTY_EVENTS,
                    confirmation("loyalty", customerId, erasureId, "feedback-service", loyaltyAt.plusSeconds(2)));
            waitFor(id, json -> json.getList("confirmed.service").contains("feedback-service"));

            assertThat(count("SELECT count(*) FROM customer_erasure_confirmation WHERE erasure_id = ? AND service = 'loyalty-service'",
                    erasureId)).isEqualTo(1);
            JsonPath status = given().when().get("/customers/{id}/erasure", id).then().statusCode(200).extract().jsonPath();
            assertThat(status.getString("confirmed.find { it.service == 'loyalty-service' }.confirmedAt"))
                    .isEqualTo(loyaltyAt.toString());
            assertThat(status.getList("pending")).containsExactly("segmentation-service");
            assertThat(status.getBoolean("complete")).isFalse();

            send(producer, Topics.SEGMENTATION_EVENTS,
                    confirmation("segmentation", customerId, erasureId, "segmentation-service", loyaltyAt.plusSeconds(3)));
            JsonPath complete = waitFor(id, json -> json.getBoolean("complete"));
            assertThat(complete.getList("pending")).isEmpty();
            assertThat(complete.getList("confirmed.service")).containsExactlyInAnyOrder(
                    "customer-service", "loyalty-service", "feedback-service", "segmentation-service");
        }
    }

    private static CloudEvent confirmation(String context, UUID customerId, UUID erasureId, String service, Instant at) {
        return CloudEvent.of("/rapport/" + context + "-service", ErasureConfirmed.type(context), customerId.toString(),
                new ErasureConfirmed(customerId, erasureId, service, at));
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, CloudEvent event)
            throws InterruptedException, ExecutionException {
        producer.send(new ProducerRecord<>(topic, event.subject(), EventJson.toBytes(event))).get();
    }

    /** Polls the erasure status until {@code done}; fails after 60 s. */
    private static JsonPath waitFor(String customerId, Predicate<JsonPath> done) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            JsonPath status = given().when().get("/customers/{id}/erasure", customerId).then().statusCode(200)
                    .extract().jsonPath();
            if (done.test(status)) {
                return status;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("erasure status never reached the expected state: " + status.prettify());
            }
            Thread.sleep(200);
        }
    }

    private long count(String sql, UUID erasureId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, erasureId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "erasure-events-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** This customer's events until one matches {@code last}; fails after 30 s. */
    private static List<CloudEvent> readUntil(KafkaConsumer<String, byte[]> consumer, String customerId,
                                              Predicate<CloudEvent> last) {
        List<CloudEvent> mine = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(30);
        while (mine.isEmpty() || !last.test(mine.getLast())) {
            if (Instant.now().isAfter(deadline)) {
                fail("events of customer " + customerId + " so far: " + mine.stream().map(CloudEvent::type).toList());
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                if (customerId.equals(record.key())) {
                    mine.add(EventJson.parse(record.value()));
                }
            }
        }
        return mine;
    }
}
