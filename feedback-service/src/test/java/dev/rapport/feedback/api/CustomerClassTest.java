package dev.rapport.feedback.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.events.Topics;
import dev.rapport.events.customer.CustomersMerged;
import dev.rapport.events.loyalty.LoyaltyEvents;
import dev.rapport.events.loyalty.TierChanged;
import dev.rapport.events.segmentation.AbcClassChanged;
import dev.rapport.events.segmentation.SegmentChanged;
import dev.rapport.events.segmentation.SegmentationEvents;
import dev.rapport.testing.Sql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** The customer class read model, fed by real events on segmentation's and loyalty's topics, chooses SLA targets. */
@QuarkusTest
class CustomerClassTest {

    static final Instant T = Instant.parse("2026-11-25T14:30:00Z");

    @Inject
    AgroalDataSource dataSource;

    static CloudEvent abc(UUID customer, String from, String to, Instant at) {
        return CloudEvent.of(SegmentationEvents.SOURCE, AbcClassChanged.TYPE, customer.toString(),
                new AbcClassChanged(customer, from, to, new BigDecimal("4210.50"), "GBP", LocalDate.of(2026, 11, 25), at));
    }

    static CloudEvent tier(UUID customer, String previous, String tier, Instant at) {
        return CloudEvent.of(LoyaltyEvents.SOURCE, TierChanged.TYPE, customer.toString(),
                new TierChanged(customer, previous, tier, "up", 6000, at));
    }

    static void publish(String topic, CloudEvent event) {
        CustomerEventsProducer.send(topic, event.subject(), EventJson.toBytes(event));
    }

    static ExtractableResponse<Response> openComplaint(UUID customer, String priority) {
        return given().contentType(ContentType.JSON).body(ComplaintApiTest.complaint(customer, "billing", priority))
                .when().post("/complaints").then().statusCode(201).extract();
    }

    static Duration firstResponse(ExtractableResponse<Response> complaint) {
        return Duration.between(Instant.parse(complaint.path("openedAt")), Instant.parse(complaint.path("firstResponseDueAt")));
    }

    static Duration resolution(ExtractableResponse<Response> complaint) {
        return Duration.between(Instant.parse(complaint.path("openedAt")), Instant.parse(complaint.path("resolutionDueAt")));
    }

    void awaitClass(UUID customer, String column, String value) {
        Sql sql = Sql.on(dataSource);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sql.count(
                "SELECT count(*) FROM customer_class WHERE customer_id = ? AND " + column + " = ?", customer, value) == 1);
    }

    @Test
    void aClassKeyAccountsGetTheTightestTargetsFixedAtOpening() {
        UUID customer = UUID.randomUUID();
        ExtractableResponse<Response> before = openComplaint(customer, "normal");
        assertThat(before.<String>path("serviceClass")).isEqualTo("standard");
        assertThat(firstResponse(before)).isEqualTo(Duration.ofHours(24));

        publish(Topics.SEGMENTATION_EVENTS, abc(customer, "B", "A", T));
        awaitClass(customer, "abc_class", "A");

        ExtractableResponse<Response> key = openComplaint(customer, "normal");
        assertThat(key.<String>path("serviceClass")).isEqualTo("key-account");
        assertThat(firstResponse(key)).isEqualTo(Duration.ofHours(4));
        assertThat(resolution(key)).isEqualTo(Duration.ofHours(24));
        ExtractableResponse<Response> urgent = openComplaint(customer, "urgent");
        assertThat(resolution(urgent)).isEqualTo(Duration.ofHours(4));

        // Downgraded later: new complaints are standard again, the open ones keep the deadlines they got.
        publish(Topics.SEGMENTATION_EVENTS, abc(customer, "A", "B", T.plusSeconds(3600)));
        awaitClass(customer, "abc_class", "B");
        assertThat(openComplaint(customer, "normal").<String>path("serviceClass")).isEqualTo("standard");
        given().when().get("/complaints/{id}", key.<String>path("id")).then().statusCode(200)
                .body("serviceClass", equalTo("key-account"))
                .body("firstResponseDueAt", equalTo(key.<String>path("firstResponseDueAt")));
        given().when().get("/complaints/{id}", before.<String>path("id")).then().statusCode(200)
                .body("serviceClass", equalTo("standard"));
    }

    @Test
    void topLoyaltyTiersGetTighterTargetsThanStandard() {
        UUID gold = UUID.randomUUID();
        publish(Topics.LOYALTY_EVENTS, tier(gold, "Silver", "Gold", T));
        awaitClass(gold, "loyalty_tier", "Gold");
        ExtractableResponse<Response> complaint = openComplaint(gold, "high");
        assertThat(complaint.<String>path("serviceClass")).isEqualTo("top-tier");
        assertThat(firstResponse(complaint)).isEqualTo(Duration.ofHours(8));
        assertThat(resolution(complaint)).isEqualTo(Duration.ofHours(12));

        UUID silver = UUID.randomUUID();
        publish(Topics.LOYALTY_EVENTS, tier(silver, "Bronze", "Silver", T));
        awaitClass(silver, "loyalty_tier", "Silver");
        assertThat(openComplaint(silver, "high").<String>path("serviceClass")).isEqualTo("standard");

        // A key account who is also a top-tier member gets the key-account row.
        publish(Topics.SEGMENTATION_EVENTS, abc(gold, "B", "A", T));
        awaitClass(gold, "abc_class", "A");
        assertThat(openComplaint(gold, "high").<String>path("serviceClass")).isEqualTo("key-account");
    }

    @Test
    void redeliveredOlderAndPoisonEventsNeverUndoTheCurrentClass() {
        UUID customer = UUID.randomUUID();
        CloudEvent first = abc(customer, null, "A", T);
        publish(Topics.SEGMENTATION_EVENTS, first);
        publish(Topics.SEGMENTATION_EVENTS, abc(customer, "A", "C", T.plusSeconds(60)));
        awaitClass(customer, "abc_class", "C");

        // The first event again (same id: a redelivery), one parked and replayed (new id, older time),
        // a class event without a customer (to the DLQ), an event of another type: none changes the class.
        publish(Topics.SEGMENTATION_EVENTS, first);
        publish(Topics.SEGMENTATION_EVENTS, abc(customer, null, "A", T.plusSeconds(30)));
        publish(Topics.SEGMENTATION_EVENTS, CloudEvent.of(SegmentationEvents.SOURCE, AbcClassChanged.TYPE,
                customer.toString(), new AbcClassChanged(null, "C", "A", BigDecimal.ONE, "GBP", null, T.plusSeconds(90))));
        publish(Topics.SEGMENTATION_EVENTS, CloudEvent.of(SegmentationEvents.SOURCE, SegmentChanged.TYPE,
                customer.toString(), new SegmentChanged(customer, "new", "champions", 5, 5, 5, LocalDate.of(2026, 11, 25),
                        T.plusSeconds(90))));
        // A later class event, on the same partition, shows the consumer has moved past them all.
        publish(Topics.SEGMENTATION_EVENTS, abc(customer, "C", "B", T.plusSeconds(120)));
        awaitClass(customer, "abc_class", "B");
        Sql sql = Sql.on(dataSource);
        assertThat(sql.strings("SELECT abc_class_at::text FROM customer_class WHERE customer_id = ?", customer)).hasSize(1);
        assertThat(openComplaint(customer, "normal").<String>path("serviceClass")).isEqualTo("standard");
    }

    @Test
    void aMergedDuplicatesClassGoesToASurvivorWithoutOne() {
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        publish(Topics.LOYALTY_EVENTS, tier(duplicate, "Gold", "Platinum", T));
        awaitClass(duplicate, "loyalty_tier", "Platinum");
        CustomerEventsProducer.send(survivor.toString(), CustomersMerged.TYPE,
                new CustomersMerged(survivor, duplicate, T));
        awaitClass(survivor, "loyalty_tier", "Platinum");
        assertThat(openComplaint(survivor, "low").<String>path("serviceClass")).isEqualTo("top-tier");
    }
}
