package dev.rapport.segmentation.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.Topics;
import dev.rapport.events.segmentation.AbcClassChanged;
import dev.rapport.events.segmentation.ChurnRiskRaised;
import dev.rapport.events.segmentation.LifecycleStageChanged;
import dev.rapport.events.segmentation.RelationshipLevelChanged;
import dev.rapport.events.segmentation.SegmentChanged;
import dev.rapport.testing.EventTopic;
import dev.rapport.testing.Sql;

/**
 * What a full recompute publishes: every change of segment, class, lifecycle stage, churn risk (upwards) and
 * relationship level it finds, once, after the incremental path published the customer's earlier changes; and
 * nothing when it changes nothing. Real purchase events in, a real recompute, the real topic read back.
 */
@QuarkusTest
class RecomputeEventsTest {

    @Inject
    DataSource dataSource;

    private static final LocalDate FIRST = LocalDate.of(2012, 1, 1);
    private static final LocalDate LATER = LocalDate.of(2012, 4, 1);

    @Test
    void aRecomputePublishesEveryChangeItFindsOnceAndNothingWhenNothingChanged() {
        recompute(FIRST);
        UUID lapsing = UUID.randomUUID();
        UUID steady = UUID.randomUUID();
        try (CustomerTopic topic = new CustomerTopic();
                EventTopic out = EventTopic.subscribe(Topics.SEGMENTATION_EVENTS)) {
            // scored incrementally in the run as of 2012-01-01: a repeat buyer with a 19-day cadence, and a new one
            topic.purchase(lapsing, UUID.randomUUID(), "40.00", Instant.parse("2011-12-01T10:00:00Z"));
            awaitFrequency(lapsing, 1);
            topic.purchase(lapsing, UUID.randomUUID(), "60.00", Instant.parse("2011-12-20T10:00:00Z"));
            topic.purchase(steady, UUID.randomUUID(), "25.00", Instant.parse("2011-12-28T10:00:00Z"));
            awaitFrequency(lapsing, 2);
            awaitFrequency(steady, 1);
            assertThat(segments(lapsing).getString("lifecycleStage")).isEqualTo("repeat");
            out.awaitType(lapsing.toString(), "rapport.segmentation.relationship-level-changed.v1");

            // as of 2012-04-01 the repeat buyer is 103 days past its last purchase, over 4 cadences: churned
            recompute(LATER);
            JsonPath after = segments(lapsing);
            assertThat(after.getString("lifecycleStage")).isEqualTo("churned");
            out.awaitType(lapsing.toString(), ChurnRiskRaised.TYPE);
            List<CloudEvent> lapsingEvents = out.during(lapsing.toString(), Duration.ofSeconds(3));

            assertThat(transitions(lapsingEvents, LifecycleStageChanged.TYPE))
                    .containsExactly("prospect>new", "new>repeat", "repeat>churned");
            assertThat(transitions(lapsingEvents, ChurnRiskRaised.TYPE)).containsExactly("low>high");
            assertThat(transitions(lapsingEvents, RelationshipLevelChanged.TYPE)).containsExactly("1>2", "2>3", "3>2");
            CloudEvent raised = lapsingEvents.stream().filter(e -> ChurnRiskRaised.TYPE.equals(e.type())).findFirst()
                    .orElseThrow();
            assertThat(raised.data().get("asOf").asText()).isEqualTo(LATER.toString());
            assertThat(raised.data().get("reasons").get(0).asText()).contains("no purchase for 103 days");
            // segment and class: one event per change, a chain from null to what the API shows now
            assertChain(transitions(lapsingEvents, SegmentChanged.TYPE), after.getString("segment"));
            assertChain(transitions(lapsingEvents, AbcClassChanged.TYPE), after.getString("abcClass"));

            // the new buyer stays new (95 days is under two fallback cadences) and its risk stays low
            JsonPath steadyAfter = segments(steady);
            assertThat(steadyAfter.getString("lifecycleStage")).isEqualTo("new");
            List<CloudEvent> steadyEvents = out.during(steady.toString(), Duration.ZERO);
            assertThat(transitions(steadyEvents, LifecycleStageChanged.TYPE)).containsExactly("prospect>new");
            assertThat(transitions(steadyEvents, ChurnRiskRaised.TYPE)).isEmpty();
            assertChain(transitions(steadyEvents, SegmentChanged.TYPE), steadyAfter.getString("segment"));

            // the same recompute again changes nothing, so it publishes nothing and rewrites no row
            List<String> versions = rowVersions(lapsing, steady);
            recompute(LATER);
            assertThat(out.during(lapsing.toString(), Duration.ofSeconds(3))).hasSameSizeAs(lapsingEvents);
            assertThat(out.during(steady.toString(), Duration.ZERO)).hasSameSizeAs(steadyEvents);
            assertThat(rowVersions(lapsing, steady)).isEqualTo(versions);

            // a day later their stored values are the same: recency moves (derived), their rows are not rewritten
            recompute(LATER.plusDays(1));
            assertThat(segments(lapsing).getInt("recencyDays")).isEqualTo(104);
            assertThat(segments(steady).getInt("recencyDays")).isEqualTo(96);
            assertThat(rowVersions(lapsing, steady)).isEqualTo(versions);
        }
    }

    /** The row versions (xmin) of the customers' rows: they change whenever a row is written. */
    private List<String> rowVersions(UUID... customers) {
        return java.util.Arrays.stream(customers).map(c -> Sql.on(dataSource)
                .strings("SELECT xmin::text FROM seg_score WHERE customer_id = ?", c).get(0)).toList();
    }

    /** from>to of every event of {@code type}, in topic order. */
    private static List<String> transitions(List<CloudEvent> events, String type) {
        return events.stream().filter(e -> type.equals(e.type()))
                .map(e -> text(e.data().get("from")) + ">" + text(e.data().get("to"))).toList();
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode node) {
        return node == null || node.isNull() ? "null" : node.asText();
    }

    /** Starts at null, every event moves somewhere else from where the last one left it, ends at {@code now}. */
    private static void assertChain(List<String> chain, String now) {
        assertThat(chain).isNotEmpty();
        String at = "null";
        for (String step : chain) {
            String[] fromTo = step.split(">");
            assertThat(fromTo[0]).as("chain %s", chain).isEqualTo(at);
            assertThat(fromTo[1]).as("chain %s", chain).isNotEqualTo(fromTo[0]);
            at = fromTo[1];
        }
        assertThat(at).as("chain %s", chain).isEqualTo(now);
    }

    private static void recompute(LocalDate asOf) {
        String job = given().contentType(ContentType.JSON).body(Map.of("asOf", asOf.toString()))
                .when().post("/segments/recompute").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> "succeeded".equals(
                given().when().get("/segments/jobs/{id}", job).then().statusCode(200).extract().path("status")));
    }

    private static JsonPath segments(UUID customerId) {
        return given().when().get("/segments/customers/{id}", customerId).then().statusCode(200).extract().jsonPath();
    }

    private static void awaitFrequency(UUID customerId, int frequency) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = given().when().get("/segments/customers/{id}", customerId);
            return response.statusCode() == 200 && Integer.valueOf(frequency).equals(response.jsonPath().get("frequency"));
        });
    }
}
