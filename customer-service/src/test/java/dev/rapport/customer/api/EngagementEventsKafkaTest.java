package dev.rapport.customer.api;

import static dev.rapport.customer.api.TestData.createCustomer;
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

import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.events.Topics;
import dev.rapport.events.customer.ConsentChanged;
import dev.rapport.events.customer.CustomerEvents;
import dev.rapport.events.customer.CustomerRegistered;
import dev.rapport.events.customer.InteractionLogged;

/** consent-changed and interaction-logged as really published on the broker, after the same pattern as CustomerEventsKafkaTest. */
@QuarkusTest
class EngagementEventsKafkaTest {

    @Test
    void publishesConsentChangesAndLoggedInteractionsKeyedByCustomer() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.CUSTOMER_EVENTS));
            String customerId = createCustomer();

            ConsentApiTest.put(customerId, "email", "marketing", ConsentApiTest.consent("granted", "2024-03-01T10:00:00Z"))
                    .statusCode(200);
            // Same status again: recorded as evidence, but no consent-changed.
            ConsentApiTest.put(customerId, "email", "marketing", ConsentApiTest.consent("granted", "2024-03-02T10:00:00Z"))
                    .statusCode(200);
            // Back-dated: does not become current, so no consent-changed either.
            ConsentApiTest.put(customerId, "email", "marketing", ConsentApiTest.consent("revoked", "2024-01-01T10:00:00Z"))
                    .statusCode(200);
            ConsentApiTest.put(customerId, "email", "marketing", ConsentApiTest.consent("revoked", "2024-03-05T10:00:00Z"))
                    .statusCode(200);
            String key = "k-" + UUID.randomUUID();
            Map<String, Object> call = InteractionApiTest.interaction("Private: asked about her divorce settlement",
                    "2024-05-03T10:15:00Z");
            String interactionId = InteractionApiTest.post(customerId, call, key).statusCode(201).extract().path("id");
            InteractionApiTest.post(customerId, call, key).statusCode(200); // a retry publishes nothing
            // The relay keeps insertion order per key: once this last event is read, all earlier ones were.
            ConsentApiTest.put(customerId, "sms", "service", ConsentApiTest.consent("denied", null)).statusCode(200);

            List<ConsumerRecord<String, byte[]>> records = readUntil(consumer, customerId, 5);

            assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(customerId));
            List<CloudEvent> events = records.stream().map(r -> EventJson.parse(r.value())).toList();
            assertThat(events).extracting(CloudEvent::type).containsExactly(CustomerRegistered.TYPE,
                    ConsentChanged.TYPE, ConsentChanged.TYPE, InteractionLogged.TYPE, ConsentChanged.TYPE);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.source()).isEqualTo(CustomerEvents.SOURCE);
                assertThat(e.subject()).isEqualTo(customerId);
            });

            ConsentChanged granted = events.get(1).dataAs(ConsentChanged.class);
            assertThat(granted).isEqualTo(new ConsentChanged(UUID.fromString(customerId), "email", "marketing",
                    "granted", "web-form", Instant.parse("2024-03-01T10:00:00Z")));
            ConsentChanged revoked = events.get(2).dataAs(ConsentChanged.class);
            assertThat(revoked.status()).isEqualTo("revoked");
            assertThat(revoked.capturedAt()).isEqualTo(Instant.parse("2024-03-05T10:00:00Z"));

            InteractionLogged logged = events.get(3).dataAs(InteractionLogged.class);
            assertThat(logged).isEqualTo(new InteractionLogged(UUID.fromString(customerId),
                    UUID.fromString(interactionId), "phone", "inbound", Instant.parse("2024-05-03T10:15:00Z"), "j.smith"));
            assertThat(events.get(3).data().has("summary")).as("free text never leaves the service").isFalse();
            assertThat(new String(records.get(3).value())).doesNotContain("divorce");

            ConsentChanged sms = events.get(4).dataAs(ConsentChanged.class);
            assertThat(sms.channel()).isEqualTo("sms");
            assertThat(sms.purpose()).isEqualTo("service");
            assertThat(sms.status()).isEqualTo("denied");
        }
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "engagement-events-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Polls until {@code count} records of this customer arrived; fails after 30 s. */
    private static List<ConsumerRecord<String, byte[]>> readUntil(KafkaConsumer<String, byte[]> consumer,
                                                                  String customerId, int count) {
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
}
