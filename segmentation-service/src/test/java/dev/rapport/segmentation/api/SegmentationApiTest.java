package dev.rapport.segmentation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.rapport.devstack.DevStackResource;
import dev.rapport.events.CloudEvent;
import dev.rapport.events.Topics;
import dev.rapport.events.privacy.ErasureConfirmed;
import dev.rapport.events.segmentation.AbcClassChanged;
import dev.rapport.events.segmentation.SegmentChanged;
import dev.rapport.segmentation.domain.purchase.PurchaseAmount;
import dev.rapport.segmentation.domain.score.CountingPurchases;
import dev.rapport.segmentation.domain.score.CustomerScore;
import dev.rapport.segmentation.domain.score.RfmScoring;
import dev.rapport.segmentation.domain.score.RfmValues;
import dev.rapport.testing.EventTopic;

/**
 * The service as a whole: real CloudEvents in on rapport.customer.events, the REST API and the events out.
 * {@code @QuarkusTestResource} applies module-wide, wherever it is declared.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.DATABASE_ARG, value = "segmentation"))
class SegmentationApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;

    static JsonPath segments(UUID customerId) {
        return given().when().get("/segments/customers/{id}", customerId).then().statusCode(200).extract().jsonPath();
    }

    static void awaitFrequency(UUID customerId, int frequency) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = given().when().get("/segments/customers/{id}", customerId);
            return response.statusCode() == 200 && Integer.valueOf(frequency).equals(response.jsonPath().get("frequency"));
        });
    }

    @Test
    void purchasesAreCountedOncePerPurchaseIdAndScoredAtOnce() {
        UUID customer = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        try (CustomerTopic topic = new CustomerTopic();
                EventTopic out = EventTopic.subscribe(Topics.SEGMENTATION_EVENTS)) {
            topic.registered(customer, "EXT-" + customer, "web");
            CloudEvent purchase = topic.purchase(customer, first, "100.005", Instant.now().minus(3, ChronoUnit.DAYS));
            topic.send(purchase); // the same event redelivered
            topic.purchase(customer, first, "100.005", Instant.now().minus(3, ChronoUnit.DAYS)); // same purchase, new event id
            topic.returned(customer, first, "20.00"); // a return does not change R, F or M
            topic.purchase(customer, UUID.randomUUID(), "0.00", Instant.now()); // total 0: not counted
            topic.purchase(customer, UUID.randomUUID(), "50.00", Instant.now().minus(1, ChronoUnit.DAYS));
            awaitFrequency(customer, 2);
            // an older purchase arriving last, before both spend windows: it moves the totals, not the windows
            topic.purchase(customer, UUID.randomUUID(), "100.00", Instant.now().minus(500, ChronoUnit.DAYS));
            awaitFrequency(customer, 3);
            assertThat(count("""
                    SELECT count(*) FROM seg_customer_totals t WHERE t.customer_id = ?
                      AND (t.first_at, t.last_at, t.purchases, t.monetary)
                        = (SELECT min(occurred_at), max(occurred_at), count(*), sum(total) FROM seg_purchase
                           WHERE customer_id = t.customer_id AND total > 0)""", customer))
                    .as("the kept totals equal the purchases' aggregate").isEqualTo(1);
            assertThat(count("""
                    SELECT count(*) FROM seg_score s JOIN seg_current_run c ON true JOIN seg_run r ON r.run_id = c.run_id
                    WHERE s.customer_id = ?
                      AND s.recent_spend = (SELECT coalesce(sum(total), 0) FROM seg_purchase p
                        WHERE p.customer_id = s.customer_id AND p.total > 0 AND p.occurred_at >= r.as_of - 180)
                      AND s.previous_spend = (SELECT coalesce(sum(total), 0) FROM seg_purchase p
                        WHERE p.customer_id = s.customer_id AND p.total > 0 AND p.occurred_at >= r.as_of - 360
                          AND p.occurred_at < r.as_of - 180)""", customer))
                    .as("the stored spend windows equal the purchases in them").isEqualTo(1);

            JsonPath json = segments(customer);
            assertThat(json.getString("externalId")).isEqualTo("EXT-" + customer);
            assertThat(json.getString("monetary")).isEqualTo("250.01");
            assertThat(json.getInt("recencyDays")).isLessThanOrEqualTo(1);
            assertThat(json.getString("currency")).isEqualTo("GBP");
            assertThat(json.getInt("r")).isBetween(1, 5);
            assertThat(json.getString("segment")).isNotBlank();
            assertThat(json.getString("abcClass")).isIn("A", "B", "C");

            CloudEvent changed = out.awaitType(customer.toString(), SegmentChanged.TYPE);
            SegmentChanged data = changed.dataAs(SegmentChanged.class);
            assertThat(data.from()).isNull();
            assertThat(data.customerId()).isEqualTo(customer);
            assertThat(out.awaitType(customer.toString(), AbcClassChanged.TYPE).dataAs(AbcClassChanged.class).to())
                    .isIn("A", "B", "C");
        }
        assertThat(count("SELECT count(*) FROM seg_purchase WHERE purchase_id = ?", first)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM seg_return WHERE purchase_id = ?", first)).isEqualTo(1);
    }

    @Test
    void aFullRecomputeAgreesWithTheDomainScorerOnEveryCustomer() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        try (CustomerTopic topic = new CustomerTopic()) {
            topic.purchase(a, UUID.randomUUID(), "10.00", Instant.parse("2012-01-05T10:00:00Z"));
            topic.purchase(a, UUID.randomUUID(), "15.50", Instant.parse("2012-06-05T10:00:00Z"));
            topic.purchase(b, UUID.randomUUID(), "7.25", Instant.parse("2012-03-05T23:59:59Z"));
            awaitFrequency(a, 2);
            awaitFrequency(b, 1);
        }
        LocalDate asOf = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        Map<UUID, CustomerScore> expected = recomputeAndCompareWithTheDomainScorer(asOf);
        assertThat(segments(b).getString("asOf")).isEqualTo(asOf.toString());
        assertThat(segments(b).getInt("recencyDays")).isEqualTo(
                (int) ChronoUnit.DAYS.between(LocalDate.of(2012, 3, 5), asOf));

        JsonPath summary = given().when().get("/segments/summary").then().statusCode(200).extract().jsonPath();
        assertThat(summary.getLong("n")).isEqualTo(expected.size());
        assertThat(summary.getList("segments")).hasSize(11);
        BigDecimal total = expected.values().stream().map(s -> s.values().monetary()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal(summary.getString("totalMonetary"))).isEqualByComparingTo(total);
        JsonPath grid = given().when().get("/segments/rfm-grid").then().statusCode(200).extract().jsonPath();
        assertThat(grid.getList("cells")).hasSize(25);
        assertThat(grid.getList("cells.customers", Integer.class).stream().mapToLong(Integer::longValue).sum())
                .isEqualTo(expected.size());
    }

    /**
     * Recomputes as of {@code asOf} and checks every stored row of the new run against the domain's scorer over
     * every stored purchase. @return the expected scores
     */
    private Map<UUID, CustomerScore> recomputeAndCompareWithTheDomainScorer(LocalDate asOf) {
        String job = given().contentType(ContentType.JSON).body(Map.of("asOf", asOf.toString()))
                .when().post("/segments/recompute")
                .then().statusCode(202).header("Location", notNullValue())
                .body("status", equalTo("queued")).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> "succeeded".equals(
                given().when().get("/segments/jobs/{id}", job).then().statusCode(200).extract().path("status")));
        given().when().get("/segments/jobs/{id}", job).then().body("progress", equalTo(100))
                .body("asOf", equalTo(asOf.toString()));

        // the domain's scorer over every stored purchase must give exactly what the SQL recompute stored
        Map<UUID, List<PurchaseAmount>> purchases = new HashMap<>();
        query("SELECT customer_id, occurred_at, total FROM seg_purchase", row -> purchases
                .computeIfAbsent(row.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
                .add(new PurchaseAmount(row.getTimestamp(2).toInstant(), row.getBigDecimal(3))));
        Map<UUID, RfmValues> population = new HashMap<>();
        purchases.forEach((id, list) -> CountingPurchases.values(list, asOf, ZoneOffset.UTC)
                .ifPresent(v -> population.put(id, v)));
        Map<UUID, CustomerScore> expected = RfmScoring.scoreAll(population);
        Map<UUID, String> stored = new HashMap<>();
        query("""
                SELECT s.customer_id, greatest(0, r.as_of - s.last_purchase_date) || '|' || s.frequency || '|'
                  || s.monetary || '|' || s.r || s.f || s.m || '|' || s.segment || '|' || s.abc_class
                FROM seg_score s CROSS JOIN seg_current_run c JOIN seg_run r ON r.run_id = c.run_id""",
                row -> stored.put(row.getObject(1, UUID.class), row.getString(2)));
        assertThat(stored).hasSameSizeAs(expected);
        expected.forEach((id, s) -> assertThat(stored.get(id)).as("customer %s", id).isEqualTo(
                s.values().recencyDays() + "|" + s.values().frequency() + "|" + s.values().monetary() + "|" + s.r()
                        + s.f() + s.m() + "|" + dev.rapport.kernel.WireNames.of(s.segment()) + "|" + s.abcClass()));

        // and every row's two spend windows (falling spend) are the sums of its purchases in them
        Instant start = asOf.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant recent = start.minus(SPEND_WINDOW_DAYS, ChronoUnit.DAYS);
        Instant previous = recent.minus(SPEND_WINDOW_DAYS, ChronoUnit.DAYS);
        Map<UUID, String> windows = new HashMap<>();
        query("SELECT customer_id, recent_spend, previous_spend FROM seg_score", row -> windows.put(
                row.getObject(1, UUID.class), row.getBigDecimal(2).stripTrailingZeros().toPlainString() + "|"
                        + row.getBigDecimal(3).stripTrailingZeros().toPlainString()));
        expected.keySet().forEach(id -> {
            BigDecimal inRecent = BigDecimal.ZERO;
            BigDecimal inPrevious = BigDecimal.ZERO;
            for (PurchaseAmount p : purchases.get(id)) {
                if (p.total().signum() > 0 && p.occurredAt().isBefore(start) && !p.occurredAt().isBefore(previous)) {
                    if (p.occurredAt().isBefore(recent)) {
                        inPrevious = inPrevious.add(p.total());
                    } else {
                        inRecent = inRecent.add(p.total());
                    }
                }
            }
            assertThat(windows.get(id)).as("spend windows of %s", id).isEqualTo(
                    inRecent.stripTrailingZeros().toPlainString() + "|" + inPrevious.stripTrailingZeros().toPlainString());
        });
        return expected;
    }

    private static final int SPEND_WINDOW_DAYS = 180;

    @Test
    void theSpendWindowsStayExactFromOneRecomputeToTheNext() {
        LocalDate first = LocalDate.of(2013, 6, 1);
        LocalDate next = first.plusDays(2);
        UUID lapsing = UUID.randomUUID();
        UUID steady = UUID.randomUUID();
        UUID shifting = UUID.randomUUID(); // no purchase after the first recompute: only its windows move
        try (CustomerTopic topic = new CustomerTopic()) {
            topic.purchase(lapsing, UUID.randomUUID(), "30.00", noon(first.minusDays(360))); // leaves the windows
            topic.purchase(lapsing, UUID.randomUUID(), "20.00", noon(first.minusDays(180))); // recent → previous
            topic.purchase(steady, UUID.randomUUID(), "12.00", noon(first.minusDays(100)));
            topic.purchase(shifting, UUID.randomUUID(), "3.10", noon(first.minusDays(359))); // leaves the windows
            topic.purchase(shifting, UUID.randomUUID(), "3.15", noon(first.minusDays(361))); // already outside
            topic.purchase(shifting, UUID.randomUUID(), "7.25", noon(first.minusDays(179))); // recent → previous
            topic.purchase(shifting, UUID.randomUUID(), "0.75", noon(first.minusDays(178))); // stays recent
            topic.purchase(shifting, UUID.randomUUID(), "4.00", noon(first.minusDays(50)));
            awaitFrequency(lapsing, 2);
            awaitFrequency(steady, 1);
            awaitFrequency(shifting, 5);
        }
        recomputeAndCompareWithTheDomainScorer(first);
        assertThat(count("SELECT (recent_spend * 100)::bigint FROM seg_score WHERE customer_id = ?", shifting))
                .isEqualTo(1200);
        assertThat(count("SELECT (previous_spend * 100)::bigint FROM seg_score WHERE customer_id = ?", shifting))
                .isEqualTo(310);
        try (CustomerTopic topic = new CustomerTopic()) {
            topic.purchase(lapsing, UUID.randomUUID(), "5.00", noon(first)); // counted at once, recent next
            topic.purchase(steady, UUID.randomUUID(), "8.00", noon(first.minusDays(170))); // a late event
            awaitFrequency(lapsing, 3);
            awaitFrequency(steady, 2);
        }
        recomputeAndCompareWithTheDomainScorer(next);
        assertThat(count("SELECT (recent_spend * 100)::bigint FROM seg_score WHERE customer_id = ?", lapsing))
                .isEqualTo(500);
        assertThat(count("SELECT (previous_spend * 100)::bigint FROM seg_score WHERE customer_id = ?", lapsing))
                .isEqualTo(2000);
        assertThat(segments(lapsing).getList("churnRisk.reasons", String.class))
                .anyMatch(reason -> reason.contains("spend"));
        assertThat(count("SELECT (recent_spend * 100)::bigint FROM seg_score WHERE customer_id = ?", steady))
                .isEqualTo(2000);
        assertThat(count("SELECT (recent_spend * 100)::bigint FROM seg_score WHERE customer_id = ?", shifting))
                .isEqualTo(475);
        assertThat(count("SELECT (previous_spend * 100)::bigint FROM seg_score WHERE customer_id = ?", shifting))
                .isEqualTo(725);
    }

    private static Instant noon(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    @Test
    void aRecomputeAsOfTodayCountsOnlyTheEarlierPurchasesOfTodaysBuyers() {
        // today's buyers have purchases on asOf: their totals are not their values as of today
        UUID early = UUID.randomUUID();
        UUID today = UUID.randomUUID();
        UUID onlyToday = UUID.randomUUID();
        try (CustomerTopic topic = new CustomerTopic()) {
            topic.purchase(early, UUID.randomUUID(), "12.00", Instant.now().minus(3, ChronoUnit.DAYS));
            topic.purchase(today, UUID.randomUUID(), "30.00", Instant.now().minus(6, ChronoUnit.DAYS));
            topic.purchase(today, UUID.randomUUID(), "99.99", Instant.now());
            topic.purchase(onlyToday, UUID.randomUUID(), "45.10", Instant.now());
            awaitFrequency(early, 1);
            awaitFrequency(today, 2);
            awaitFrequency(onlyToday, 1);
        }
        LocalDate asOf = LocalDate.now(ZoneOffset.UTC);
        Map<UUID, CustomerScore> expected = recomputeAndCompareWithTheDomainScorer(asOf);
        assertThat(expected).containsKeys(early, today).doesNotContainKey(onlyToday);
        assertThat(expected.get(today).values().frequency()).isEqualTo(1);
        assertThat(expected.get(today).values().monetary()).isEqualByComparingTo("30.00");
        // the lifetime totals still hold every purchase (the next day's recompute reads them)
        assertThat(count("SELECT purchases FROM seg_customer_totals WHERE customer_id = ?", today)).isEqualTo(2);
        assertThat(count("SELECT purchases FROM seg_customer_totals WHERE customer_id = ?", onlyToday)).isEqualTo(1);
    }

    @Test
    void mergeFoldsTheDuplicatesPurchasesIntoTheSurvivor() {
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        UUID shared = UUID.randomUUID();
        try (CustomerTopic topic = new CustomerTopic()) {
            topic.purchase(survivor, UUID.randomUUID(), "10.00", Instant.now().minus(5, ChronoUnit.DAYS));
            topic.purchase(duplicate, shared, "20.00", Instant.now().minus(4, ChronoUnit.DAYS));
            topic.purchase(duplicate, UUID.randomUUID(), "30.00", Instant.now().minus(2, ChronoUnit.DAYS));
            awaitFrequency(duplicate, 2);
            topic.merged(survivor, duplicate);
            awaitFrequency(survivor, 3);
            topic.purchase(duplicate, shared, "20.00", Instant.now().minus(4, ChronoUnit.DAYS)); // late redelivery
            topic.purchase(duplicate, UUID.randomUUID(), "5.00", Instant.now().minus(1, ChronoUnit.DAYS)); // goes to the survivor
            awaitFrequency(survivor, 4);
        }
        assertThat(segments(survivor).getString("monetary")).isEqualTo("65.00");
        assertThat(segments(duplicate).getString("customerId")).isEqualTo(survivor.toString());
        assertThat(count("SELECT count(*) FROM seg_score WHERE customer_id = ?", duplicate)).isZero();
        // the totals a recompute reads moved with the purchases; the redelivery counted once
        assertThat(count("SELECT purchases FROM seg_customer_totals WHERE customer_id = ?", survivor)).isEqualTo(4);
        assertThat(count("SELECT (monetary * 100)::bigint FROM seg_customer_totals WHERE customer_id = ?", survivor))
                .isEqualTo(6500);
        assertThat(count("SELECT count(*) FROM seg_customer_totals WHERE customer_id = ?", duplicate)).isZero();
    }

    @Test
    void erasureRemovesTheExternalIdAndIsConfirmed() {
        UUID customer = UUID.randomUUID();
        UUID erasure = UUID.randomUUID();
        try (CustomerTopic topic = new CustomerTopic();
                EventTopic out = EventTopic.subscribe(Topics.SEGMENTATION_EVENTS)) {
            topic.registered(customer, "ERASE-" + customer, "store");
            topic.purchase(customer, UUID.randomUUID(), "12.00", Instant.now().minus(1, ChronoUnit.DAYS));
            awaitFrequency(customer, 1);
            topic.erased(customer, erasure);
            CloudEvent confirmed = out.awaitType(customer.toString(), ErasureConfirmed.type("segmentation"));
            ErasureConfirmed data = confirmed.dataAs(ErasureConfirmed.class);
            assertThat(data.erasureId()).isEqualTo(erasure);
            assertThat(data.service()).isEqualTo("segmentation-service");
        }
        given().when().get("/segments/customers/{id}", customer).then().statusCode(200)
                .body("externalId", nullValue()).body("frequency", equalTo(1))
                // Scores it has not got yet (segment, ABC class, CLV) are left out, never null.
                .body(not(containsString(":null")));
        given().queryParam("externalId", "ERASE-" + customer).when().get("/segments/customers")
                .then().statusCode(200).body("items.size()", equalTo(0));
        assertThat(count("SELECT count(*) FROM seg_purchase WHERE customer_id = ? AND order_id IS NOT NULL", customer))
                .isZero();
    }

    @Test
    void malformedEventsGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        UUID customer = UUID.randomUUID();
        try (CustomerTopic topic = new CustomerTopic();
                EventTopic dlq = EventTopic.subscribe(Topics.dlq(Topics.CUSTOMER_EVENTS))) {
            topic.sendRaw(Topics.CUSTOMER_EVENTS, customer.toString(), "not a cloud event".getBytes());
            // a purchase without its total: poison
            topic.send(new CloudEvent("1.0", UUID.randomUUID(), "/rapport/customer-service",
                    "rapport.customer.purchase-recorded.v1", customer.toString(), Instant.now(), "application/json",
                    dev.rapport.events.EventJson.mapper().createObjectNode().put("customerId", customer.toString())
                            .put("purchaseId", UUID.randomUUID().toString())));
            topic.purchase(customer, UUID.randomUUID(), "9.99", Instant.now().minus(1, ChronoUnit.DAYS));
            awaitFrequency(customer, 1);
            assertThat(dlq.awaitRecords(customer.toString(), 2)).hasSize(2);
        }
        given().when().get("/segments/status").then().statusCode(200)
                .body("topics.topic", hasItem(Topics.CUSTOMER_EVENTS));
    }

    @Test
    void listingFiltersAndPages() {
        UUID customer = UUID.randomUUID();
        try (CustomerTopic topic = new CustomerTopic()) {
            topic.registered(customer, "LIST-" + customer, "web");
            topic.purchase(customer, UUID.randomUUID(), "42.00", Instant.now().minus(1, ChronoUnit.DAYS));
            UUID other = UUID.randomUUID();
            topic.purchase(other, UUID.randomUUID(), "43.00", Instant.now().minus(2, ChronoUnit.DAYS));
            awaitFrequency(customer, 1);
            awaitFrequency(other, 1);
        }
        JsonPath one = given().queryParam("externalId", "LIST-" + customer).when().get("/segments/customers")
                .then().statusCode(200).extract().jsonPath();
        assertThat(one.getList("items")).hasSize(1);
        String segment = one.getString("items[0].segment");
        String abc = one.getString("items[0].abcClass");
        JsonPath filtered = given().queryParam("segment", segment).queryParam("abcClass", abc).queryParam("limit", 1000)
                .when().get("/segments/customers").then().statusCode(200).extract().jsonPath();
        assertThat(filtered.getList("items.segment", String.class)).containsOnly(segment);
        assertThat(filtered.getList("items.abcClass", String.class)).containsOnly(abc);

        JsonPath first = given().queryParam("limit", 1).when().get("/segments/customers").then().statusCode(200)
                .extract().jsonPath();
        String cursor = first.getString("nextCursor");
        assertThat(cursor).isNotNull();
        JsonPath second = given().queryParam("limit", 1).queryParam("cursor", cursor).when().get("/segments/customers")
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getString("items[0].customerId")).isGreaterThan(first.getString("items[0].customerId"));
    }

    @Test
    void feedbackAndLoyaltySignalsRaiseTheChurnRiskAndMoveTheRelationshipLevel() {
        UUID customer = UUID.randomUUID();
        try (CustomerTopic topic = new CustomerTopic();
                EventTopic out = EventTopic.subscribe(Topics.SEGMENTATION_EVENTS)) {
            topic.registered(customer, "SIG-" + customer, "web");
            topic.purchase(customer, UUID.randomUUID(), "30.00", Instant.now().minus(20, ChronoUnit.DAYS));
            topic.purchase(customer, UUID.randomUUID(), "30.00", Instant.now().minus(10, ChronoUnit.DAYS));
            awaitFrequency(customer, 2);
            JsonPath before = segments(customer);
            assertThat(before.getString("lifecycleStage")).isEqualTo("repeat");
            assertThat(before.getString("churnRisk.level")).isEqualTo("low");
            assertThat(before.getInt("relationshipLevel.level")).isEqualTo(3);
            assertThat(before.getString("clv.historical")).isEqualTo("60.00");
            assertThat(before.getDouble("clv.probabilityAlive")).isBetween(0.0, 1.0);
            assertThat(new BigDecimal(before.getString("clv.predicted12m"))).isPositive();

            // the way feedback-service publishes them (their records are theirs; read by type and field names)
            var json = dev.rapport.events.EventJson.mapper();
            topic.sendRaw(Topics.FEEDBACK_EVENTS, customer.toString(), dev.rapport.events.EventJson.toBytes(
                    CloudEvent.of("/rapport/feedback-service", "rapport.feedback.complaint-opened.v1", customer.toString(),
                            json.createObjectNode().put("complaintId", UUID.randomUUID().toString())
                                    .put("customerId", customer.toString()).put("openedAt", Instant.now().toString()))));
            topic.sendRaw(Topics.FEEDBACK_EVENTS, customer.toString(), dev.rapport.events.EventJson.toBytes(
                    CloudEvent.of("/rapport/feedback-service", "rapport.feedback.feedback-received.v1", customer.toString(),
                            json.createObjectNode().put("customerId", customer.toString()).put("rating", 1))));
            topic.sendRaw(Topics.FEEDBACK_EVENTS, customer.toString(), dev.rapport.events.EventJson.toBytes(
                    CloudEvent.of("/rapport/feedback-service", "rapport.feedback.something-new.v1", customer.toString(),
                            json.createObjectNode().put("customerId", customer.toString()))));
            CloudEvent raised = out.awaitType(customer.toString(), "rapport.segmentation.churn-risk-raised.v1");
            assertThat(raised.data().get("to").asText()).isIn("medium", "high");
            String levelType = "rapport.segmentation.relationship-level-changed.v1";
            await().atMost(WAIT).until(() -> out.during(customer.toString(), Duration.ofMillis(200)).stream()
                    .anyMatch(e -> levelType.equals(e.type()) && e.data().get("to").asInt() == 1));
            List<CloudEvent> levels = out.during(customer.toString(), Duration.ZERO).stream()
                    .filter(e -> levelType.equals(e.type())).toList();
            // 1 -> 2 (first purchase), 2 -> 3 (repeat purchase), 3 -> 2 (complaint open), 2 -> 1 (low rating)
            assertThat(levels).extracting(e -> e.data().get("from").asInt() + ">" + e.data().get("to").asInt())
                    .containsExactly("1>2", "2>3", "3>2", "2>1");
        }
        JsonPath after = segments(customer);
        assertThat(after.getInt("relationshipLevel.level")).isEqualTo(1);
        assertThat(after.getList("churnRisk.reasons", String.class)).anyMatch(r -> r.contains("complaint(s) open"))
                .anyMatch(r -> r.contains("low satisfaction"));
        given().queryParam("lifecycleStage", "repeat").queryParam("relationshipLevel", 1).queryParam("limit", 1000)
                .when().get("/segments/customers").then().statusCode(200)
                .body("items.customerId", hasItem(customer.toString()));
        given().queryParam("status", "x").queryParam("churnRisk", "low").queryParam("externalId", "SIG-" + customer)
                .when().get("/segments/customers").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void kpisPerAcquisitionChannelWithTheSpend() {
        String channel = "kpi-" + UUID.randomUUID().toString().substring(0, 8);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID earlier = UUID.randomUUID();
        try (CustomerTopic topic = new CustomerTopic()) {
            topic.registered(first, null, channel);
            topic.registered(second, null, channel);
            topic.registered(earlier, null, channel);
            topic.purchase(earlier, UUID.randomUUID(), "5.00", Instant.parse("2013-02-10T10:00:00Z"));
            topic.purchase(earlier, UUID.randomUUID(), "15.00", Instant.parse("2013-03-10T10:00:00Z"));
            topic.purchase(first, UUID.randomUUID(), "40.00", Instant.parse("2013-03-05T10:00:00Z"));
            topic.purchase(second, UUID.randomUUID(), "60.00", Instant.parse("2013-03-25T10:00:00Z"));
            awaitFrequency(earlier, 2);
            awaitFrequency(first, 1);
            awaitFrequency(second, 1);
        }
        given().contentType(ContentType.JSON).body(Map.of("amount", "100.00", "currency", "GBP"))
                .when().put("/segments/acquisition-spend/{channel}/{month}", channel, "2013-03")
                .then().statusCode(200).body("amount", equalTo("100.00"));
        given().contentType(ContentType.JSON).body(Map.of("amount", "90.00", "currency", "GBP"))
                .when().put("/segments/acquisition-spend/{channel}/{month}", channel, "2013-03").then().statusCode(200);
        JsonPath kpis = given().queryParam("from", "2013-03").queryParam("to", "2013-03")
                .queryParam("groupBy", "acquisitionChannel").when().get("/segments/kpis")
                .then().statusCode(200).extract().jsonPath();
        String g = "groups.find { it.key == '" + channel + "' }";
        assertThat(kpis.getInt(g + ".customers")).isEqualTo(3);
        assertThat(kpis.getInt(g + ".newCustomers")).isEqualTo(2);
        assertThat(kpis.getString(g + ".retentionRate")).isEqualTo("1.0000"); // the one February buyer came back
        assertThat(kpis.getString(g + ".repeatPurchaseRate")).isEqualTo("0.3333");
        assertThat(kpis.getString(g + ".revenue")).isEqualTo("115.00");
        assertThat(kpis.getString(g + ".acquisitionSpend")).isEqualTo("90.00");
        assertThat(kpis.getString(g + ".acquisitionCost")).isEqualTo("45.00");

        JsonPath months = given().queryParam("from", "2013-02").queryParam("to", "2013-03").when().get("/segments/kpis")
                .then().statusCode(200).body("groupBy", equalTo("month")).extract().jsonPath();
        assertThat(months.getList("groups.key", String.class)).containsExactly("2013-02", "2013-03");
        assertThat(months.getInt("groups[1].churnedCustomers")).isEqualTo(
                months.getInt("groups[0].customers") - (int) Math.round(
                        Double.parseDouble(months.getString("groups[1].retentionRate")) * months.getInt("groups[0].customers")));

        given().contentType(ContentType.JSON).body(Map.of("amount", "1.005", "currency", "GBP"))
                .when().put("/segments/acquisition-spend/{channel}/{month}", channel, "2013-03").then().statusCode(400)
                .body("errors[0].field", equalTo("amount"));
        given().contentType(ContentType.JSON).body(Map.of("amount", "10", "currency", "EUR"))
                .when().put("/segments/acquisition-spend/{channel}/{month}", channel, "2013-03").then().statusCode(400)
                .body("errors[0].field", equalTo("currency"));
        given().contentType(ContentType.JSON).body(Map.of("amount", "10", "currency", "GBP"))
                .when().put("/segments/acquisition-spend/{channel}/{month}", "Bad Channel", "2013-03").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("amount", "10", "currency", "GBP"))
                .when().put("/segments/acquisition-spend/{channel}/{month}", channel, "2013-13").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("amount", "-1", "currency", "GBP"))
                .when().put("/segments/acquisition-spend/{channel}/{month}", channel, "2013-03").then().statusCode(400);
        given().queryParam("from", "2013-05").queryParam("to", "2013-01").when().get("/segments/kpis").then().statusCode(400);
        given().queryParam("from", "2010-01").queryParam("to", "2013-12").when().get("/segments/kpis").then().statusCode(400);
        given().queryParam("groupBy", "week").when().get("/segments/kpis").then().statusCode(400)
                .body("errors[0].field", equalTo("groupBy"));
        given().queryParam("from", "March").when().get("/segments/kpis").then().statusCode(400);
    }

    @Test
    void badInputIsAProblemNeverA500() {
        given().queryParam("lifecycleStage", "zombie").when().get("/segments/customers").then().statusCode(400)
                .body("errors[0].field", equalTo("lifecycleStage"));
        given().queryParam("churnRisk", "HIGH").when().get("/segments/customers").then().statusCode(400);
        given().queryParam("relationshipLevel", 6).when().get("/segments/customers").then().statusCode(400)
                .body("errors[0].field", equalTo("relationshipLevel"));
        given().queryParam("segment", "Champions").when().get("/segments/customers").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("segment"));
        given().queryParam("abcClass", "D").when().get("/segments/customers").then().statusCode(400)
                .body("errors[0].field", equalTo("abcClass"));
        given().queryParam("limit", 1001).when().get("/segments/customers").then().statusCode(400);
        given().queryParam("limit", "ten").when().get("/segments/customers").then().statusCode(400);
        given().queryParam("cursor", "garbage").when().get("/segments/customers").then().statusCode(400);
        given().when().get("/segments/customers/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/segments/customers/not-a-uuid").then().statusCode(404);
        given().when().get("/segments/jobs/{id}", UUID.randomUUID()).then().statusCode(404);
        given().when().get("/segments/jobs/nope").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("asOf", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()))
                .when().post("/segments/recompute").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().contentType(ContentType.JSON).body("{\"asOf\": \"2011-13-45\"}")
                .when().post("/segments/recompute").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"asOf\": 12}").when().post("/segments/recompute").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"asof\": \"2011-12-10\"}").when().post("/segments/recompute")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{not json").when().post("/segments/recompute").then().statusCode(400);
    }

    private long count(String sql, Object param) {
        return dev.rapport.testing.Sql.on(dataSource).count(sql, param);
    }

    @FunctionalInterface
    interface RowConsumer {
        void accept(java.sql.ResultSet row) throws java.sql.SQLException;
    }

    private void query(String sql, RowConsumer consumer) {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rows = s.executeQuery(sql)) {
            while (rows.next()) {
                consumer.accept(rows);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
