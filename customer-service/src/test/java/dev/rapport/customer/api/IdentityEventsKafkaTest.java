package dev.rapport.customer.api;

import static dev.rapport.customer.api.TestData.createCustomer;
import static dev.rapport.customer.api.TestData.customer;
import static dev.rapport.customer.api.TestData.uniqueExternalId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.events.Topics;
import dev.rapport.events.customer.CustomerEvents;
import dev.rapport.events.customer.CustomerRegistered;
import dev.rapport.events.customer.CustomerUpdated;
import dev.rapport.events.customer.CustomersMerged;

/** Upsert and merge events as they really arrive on the broker, through the outbox relay. */
@QuarkusTest
class IdentityEventsKafkaTest {

    @Test
    void upsertPublishesRegisteredThenUpdatedAndNothingForAnUnchangedRepeat() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.CUSTOMER_EVENTS));
            String externalId = uniqueExternalId();
            Map<String, Object> body = CustomerUpsertTest.fullDocument();
            String id = CustomerUpsertTest.put(externalId, body, null).statusCode(201).extract().path("id");
            CustomerUpsertTest.put(externalId, body, null).statusCode(200); // no change, no event
            body.put("company", "Engines Ltd");
            body.remove("tags");
            CustomerUpsertTest.put(externalId, body, null).statusCode(200);
            // Ordered per key: once this last change arrived, an event of the repeat would have, too.
            given().contentType("application/merge-patch+json").body("{\"jobTitle\": \"Countess\"}")
                    .when().patch("/customers/{id}", id).then().statusCode(200);

            List<CloudEvent> events = readUntil(consumer, id, 3);

            assertThat(events).extracting(CloudEvent::type)
                    .containsExactly(CustomerRegistered.TYPE, CustomerUpdated.TYPE, CustomerUpdated.TYPE);
            assertThat(events.get(0).dataAs(CustomerRegistered.class).externalId()).isEqualTo(externalId);
            CustomerUpdated replaced = events.get(1).dataAs(CustomerUpdated.class);
            assertThat(replaced.changedFields()).containsExactly("company", "tags");
            assertThat(replaced.version()).isEqualTo(1);
            assertThat(events.get(2).dataAs(CustomerUpdated.class).changedFields()).containsExactly("jobTitle");
        }
    }

    @Test
    void mergePublishesCustomersMergedThenUpdatedKeyedBySurvivor() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.CUSTOMER_EVENTS));
            String survivor = createCustomer();
            Map<String, Object> duplicateBody = customer();
            duplicateBody.put("company", "Engines Ltd");
            String duplicate = createCustomer(duplicateBody);
            given().contentType(ContentType.JSON).body(Map.of("duplicateId", duplicate))
                    .when().post("/customers/{id}/merge", survivor).then().statusCode(200);

            // registered, then merged + updated, all keyed by the survivor.
            List<CloudEvent> events = readUntil(consumer, survivor, 3);

            assertThat(events).extracting(CloudEvent::type)
                    .containsExactly(CustomerRegistered.TYPE, CustomersMerged.TYPE, CustomerUpdated.TYPE);
            CloudEvent mergedEvent = events.get(1);
            assertThat(mergedEvent.subject()).isEqualTo(survivor);
            assertThat(mergedEvent.source()).isEqualTo(CustomerEvents.SOURCE);
            CustomersMerged merged = mergedEvent.dataAs(CustomersMerged.class);
            assertThat(merged.survivorId()).isEqualTo(UUID.fromString(survivor));
            assertThat(merged.duplicateId()).isEqualTo(UUID.fromString(duplicate));
            assertThat(merged.mergedAt()).isBefore(Instant.now().plusSeconds(1));
            CustomerUpdated updated = events.get(2).dataAs(CustomerUpdated.class);
            assertThat(updated.changedFields()).containsExactly("company");
            assertThat(updated.version()).isEqualTo(1);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "identity-events-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Polls until {@code count} events keyed by this customer arrived; fails after 30 s. */
    private static List<CloudEvent> readUntil(KafkaConsumer<String, byte[]> consumer, String customerId, int count) {
        List<CloudEvent> mine = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(30);
        while (mine.size() < count) {
            if (Instant.now().isAfter(deadline)) {
                fail("only " + mine.size() + " of " + count + " events of customer " + customerId + " arrived");
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
