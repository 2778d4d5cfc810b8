package dev.rapport.customer.api;

import static dev.rapport.customer.api.TestData.createCustomer;
import static dev.rapport.customer.api.TestData.line;
import static dev.rapport.customer.api.TestData.purchase;
import static dev.rapport.customer.api.TestData.recordPurchase;
import static dev.rapport.customer.api.TestData.uniqueOrderId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.events.customer.CustomerEvents;
import dev.rapport.events.customer.CustomerRegistered;
import dev.rapport.events.customer.CustomerUpdated;
import dev.rapport.events.customer.PurchaseRecorded;
import dev.rapport.events.customer.PurchaseReturned;

/** Reads what the service really published on the real broker, through the outbox relay. */
@QuarkusTest
class CustomerEventsKafkaTest {

    @Test
    void publishesOneCloudEventPerStateChangeInOrderKeyedByCustomer() {
        try (CustomerEventsTopic topic = CustomerEventsTopic.subscribe()) {

            Map<String, Object> body = TestData.customer();
            body.put("tags", List.of("VIP"));
            body.put("acquisitionChannel", "web-form");
            body.put("referralCode", "ADA-FRIENDS");
            String customerId = createCustomer(body);
            given().contentType("application/merge-patch+json").body("{\"company\": \"Engines Ltd\"}")
                    .when().patch("/customers/{id}", customerId).then().statusCode(200);
            String orderId = uniqueOrderId();
            Map<String, Object> order = purchase(orderId, line("85123A", 6, "2.55"), line("71053", 6, "3.39"));
            recordPurchase(customerId, order).statusCode(201);
            recordPurchase(customerId, order).statusCode(200); // a repeat publishes nothing
            Map<String, Object> duplicate = TestData.customer();
            duplicate.put("email", body.get("email"));
            TestData.create(duplicate).statusCode(409); // a refused request publishes nothing
            given().contentType(ContentType.JSON).body("{\"returnKey\": \"C1\", \"lines\": [{\"sku\": \"85123A\", \"quantity\": 1}], \"reason\": \"damaged\"}")
                    .when().post("/customers/{id}/purchases/{orderId}/returns", customerId, orderId)
                    .then().statusCode(201);
            // The relay keeps insertion order per key: once this last event is read, all earlier ones were.
            given().contentType("application/merge-patch+json").body("{\"jobTitle\": \"Countess\"}")
                    .when().patch("/customers/{id}", customerId).then().statusCode(200);

            List<ConsumerRecord<String, byte[]>> records = topic.readUntil(customerId, 5);

            assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(customerId));
            List<CloudEvent> events = records.stream().map(r -> EventJson.parse(r.value())).toList();
            assertThat(events).extracting(CloudEvent::type).containsExactly(
                    CustomerRegistered.TYPE, CustomerUpdated.TYPE, PurchaseRecorded.TYPE, PurchaseReturned.TYPE,
                    CustomerUpdated.TYPE);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.specversion()).isEqualTo("1.0");
                assertThat(e.source()).isEqualTo(CustomerEvents.SOURCE);
                assertThat(e.subject()).isEqualTo(customerId);
                assertThat(e.datacontenttype()).isEqualTo("application/json");
                assertThat(e.id()).isNotNull();
                assertThat(e.time()).isBefore(Instant.now().plusSeconds(1));
            });
            assertThat(events).extracting(CloudEvent::id).doesNotHaveDuplicates();

            CustomerRegistered registered = events.get(0).dataAs(CustomerRegistered.class);
            assertThat(registered.customerId()).isEqualTo(UUID.fromString(customerId));
            assertThat(registered.email()).isEqualTo(body.get("email"));
            assertThat(registered.firstName()).isEqualTo("Ada");
            assertThat(registered.acquisitionChannel()).isEqualTo("web-form");
            assertThat(registered.referralCode()).isEqualTo("ADA-FRIENDS");
            assertThat(registered.tags()).containsExactly("vip");
            assertThat(registered.registeredAt()).isNotNull();

            CustomerUpdated updated = events.get(1).dataAs(CustomerUpdated.class);
            assertThat(updated.changedFields()).containsExactly("company");
            assertThat(updated.company()).isEqualTo("Engines Ltd");
            assertThat(updated.version()).isEqualTo(1);
            assertThat(updated.email()).isEqualTo(body.get("email"));

            JsonNode recordedData = events.get(2).data();
            assertThat(recordedData.get("total").isTextual()).as("money travels as a string").isTrue();
            PurchaseRecorded recorded = events.get(2).dataAs(PurchaseRecorded.class);
            assertThat(recorded.orderId()).isEqualTo(orderId);
            assertThat(recorded.total()).isEqualByComparingTo("35.64");
            assertThat(recorded.currency()).isEqualTo("GBP");
            assertThat(recorded.lineCount()).isEqualTo(2);
            assertThat(recorded.occurredAt()).isEqualTo(Instant.parse("2024-05-02T08:26:00Z"));

            PurchaseReturned returned = events.get(3).dataAs(PurchaseReturned.class);
            assertThat(returned.purchaseId()).isEqualTo(recorded.purchaseId());
            assertThat(returned.orderId()).isEqualTo(orderId);
            assertThat(returned.returnKey()).isEqualTo("C1");
            assertThat(returned.amount()).isEqualByComparingTo("2.55");
            assertThat(returned.currency()).isEqualTo("GBP");
            assertThat(returned.reason()).isEqualTo("damaged");

            CustomerUpdated last = events.get(4).dataAs(CustomerUpdated.class);
            assertThat(last.changedFields()).containsExactly("jobTitle");
            assertThat(last.version()).isEqualTo(2);
        }
    }
}
