package dev.rapport.customer.api;

import static dev.rapport.customer.api.TestData.createCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.events.customer.ConsentChanged;
import dev.rapport.events.customer.CustomerEvents;
import dev.rapport.events.customer.CustomerRegistered;
import dev.rapport.events.customer.InteractionLogged;

/** consent-changed and interaction-logged as really published on the broker, after the same pattern as CustomerEventsKafkaTest. */
@QuarkusTest
class EngagementEventsKafkaTest {

    @Test
    void publishesConsentChangesAndLoggedInteractionsKeyedByCustomer() {
        try (CustomerEventsTopic topic = CustomerEventsTopic.subscribe()) {
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

            List<ConsumerRecord<String, byte[]>> records = topic.readUntil(customerId, 5);

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
}
