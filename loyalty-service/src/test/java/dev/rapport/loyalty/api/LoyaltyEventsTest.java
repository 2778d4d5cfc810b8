package dev.rapport.loyalty.api;

import static dev.rapport.loyalty.api.Members.account;
import static dev.rapport.loyalty.api.Members.awaitAccount;
import static dev.rapport.loyalty.api.Members.awaitLedger;
import static dev.rapport.loyalty.api.Members.earnAvailable;
import static dev.rapport.loyalty.api.Members.ledger;
import static dev.rapport.loyalty.api.Members.register;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.Topics;
import dev.rapport.events.loyalty.LoyaltyEvents;
import dev.rapport.events.loyalty.PointsAdjusted;
import dev.rapport.events.loyalty.PointsEarned;
import dev.rapport.events.loyalty.PointsRedeemed;
import dev.rapport.events.loyalty.PointsReversed;
import dev.rapport.events.privacy.ErasureConfirmed;
import dev.rapport.testing.EventTopic;
import dev.rapport.testing.Sql;
import dev.rapport.testing.TestIdentity;

/** What the service publishes on rapport.loyalty.events (through the outbox), erasure and merges. */
@QuarkusTest
class LoyaltyEventsTest {

    @Inject
    DataSource dataSource;

    @Test
    void earnRedeemAndReverseArePublishedKeyedByCustomer() {
        try (EventTopic topic = EventTopic.subscribe(Topics.LOYALTY_EVENTS)) {
            UUID id = register();
            String orderId = earnAvailable(id, "200.00");
            given().contentType("application/json").header("Idempotency-Key", "k-" + UUID.randomUUID())
                    .body("{\"points\": 50}").when().post("/loyalty/accounts/{id}/redemptions", id)
                    .then().statusCode(201);
            Members.returned(id, orderId, "100.00");

            CloudEvent earned = topic.awaitType(id.toString(), PointsEarned.TYPE);
            assertThat(earned.source()).isEqualTo(LoyaltyEvents.SOURCE);
            PointsEarned e = earned.dataAs(PointsEarned.class);
            assertThat(e.points()).isEqualTo(200);
            assertThat(e.orderId()).isEqualTo(orderId);
            assertThat(e.entryType()).isEqualTo("earn");
            assertThat(e.balance()).isEqualTo(200);
            PointsRedeemed r = topic.awaitType(id.toString(), PointsRedeemed.TYPE).dataAs(PointsRedeemed.class);
            assertThat(r.points()).isEqualTo(50);
            assertThat(r.balance()).isEqualTo(150);
            PointsReversed v = topic.awaitType(id.toString(), PointsReversed.TYPE).dataAs(PointsReversed.class);
            assertThat(v.points()).isEqualTo(100);
            assertThat(v.balance()).isEqualTo(50);
            assertThat(v.orderId()).isEqualTo(orderId);
        }
    }

    @Test
    void adjustmentsArePublishedWithAgentReasonAndSignedPoints() {
        try (EventTopic topic = EventTopic.subscribe(Topics.LOYALTY_EVENTS)) {
            UUID id = register();
            given().contentType("application/json").header("Authorization", TestIdentity.bearer("jwt:agent-7"))
                    .body("{\"points\": 150, \"reason\": \"goodwill\"}")
                    .when().post("/loyalty/accounts/{id}/adjustments", id).then().statusCode(201);
            given().contentType("application/json").header("Authorization", TestIdentity.bearer("jwt:agent-7"))
                    .body("{\"points\": -40, \"reason\": \"correction\"}")
                    .when().post("/loyalty/accounts/{id}/adjustments", id).then().statusCode(201);
            // Refused (more than available): nothing published.
            given().contentType("application/json").header("Authorization", TestIdentity.bearer("jwt:agent-7"))
                    .body("{\"points\": -1000, \"reason\": \"too much\"}")
                    .when().post("/loyalty/accounts/{id}/adjustments", id).then().statusCode(409);

            List<CloudEvent> adjusted = topic.await(id.toString(), 2).stream()
                    .filter(e -> PointsAdjusted.TYPE.equals(e.type())).toList();
            assertThat(adjusted).hasSize(2);
            PointsAdjusted credit = adjusted.get(0).dataAs(PointsAdjusted.class);
            assertThat(credit.points()).isEqualTo(150);
            assertThat(credit.reason()).isEqualTo("goodwill");
            assertThat(credit.agent()).isEqualTo("jwt:agent-7");
            assertThat(credit.balance()).isEqualTo(150);
            assertThat(credit.expiresAt()).isNotNull();
            PointsAdjusted debit = adjusted.get(1).dataAs(PointsAdjusted.class);
            assertThat(debit.points()).isEqualTo(-40);
            assertThat(debit.balance()).isEqualTo(110);
            assertThat(debit.expiresAt()).isNull();
            assertThat(debit.entryId()).isNotEqualTo(credit.entryId());
        }
    }

    @Test
    void erasureAnonymisesAndIsConfirmed() {
        try (EventTopic topic = EventTopic.subscribe(Topics.LOYALTY_EVENTS)) {
            UUID id = Members.register(UUID.randomUUID(), "ada+" + UUID.randomUUID() + "@example.com", "+44 20 7946 0958",
                    LocalDate.of(1990, 12, 10), null);
            earnAvailable(id, "10.00");
            Sql sql = Sql.on(dataSource);
            assertThat(sql.strings("select email from loyalty_account where customer_id = ?", id).getFirst()).isNotNull();
            UUID erasureId = UUID.randomUUID();
            Members.erased(id, erasureId);
            CloudEvent confirmed = topic.awaitType(id.toString(), ErasureConfirmed.type("loyalty"));
            ErasureConfirmed data = confirmed.dataAs(ErasureConfirmed.class);
            assertThat(data.erasureId()).isEqualTo(erasureId);
            assertThat(data.service()).isEqualTo("loyalty-service");
            assertThat(sql.strings("select concat_ws('|', email, phone, birthday::text) from loyalty_account "
                    + "where customer_id = ?", id)).containsExactly("");
            assertThat(account(id).getString("status")).isEqualTo("erased");
            // An erased account takes no more points and no redemptions.
            given().contentType("application/json").header("Idempotency-Key", "k-" + UUID.randomUUID())
                    .body("{\"points\": 1}").when().post("/loyalty/accounts/{id}/redemptions", id)
                    .then().statusCode(409).body("type", equalTo("https://rapport.dev/problems/account-closed"))
                    .body("accountStatus", equalTo("erased"));
            String lateOrder = "O-" + UUID.randomUUID();
            Members.purchase(id, lateOrder, "50.00", java.time.Instant.now().minus(Duration.ofDays(40)));
            // An erasure of a customer the service never saw is confirmed too.
            UUID stranger = UUID.randomUUID();
            Members.erased(stranger, UUID.randomUUID());
            topic.awaitType(stranger.toString(), ErasureConfirmed.type("loyalty"));
            assertThat(ledger(id).getList("items.source.id")).doesNotContain(lateOrder);
        }
    }

    @Test
    void aMergeMovesTheDuplicatesBalanceToTheSurvivor() {
        UUID survivor = register();
        UUID duplicate = register();
        earnAvailable(survivor, "100.00");
        String dupOrder = earnAvailable(duplicate, "40.00");
        Members.purchase(duplicate, "O-" + UUID.randomUUID(), "7.00", java.time.Instant.now()); // still pending
        awaitAccount(duplicate, json -> json.getLong("balance") == 47);
        Members.merged(survivor, duplicate);
        JsonPath account = awaitAccount(survivor, json -> json.getLong("balance") == 147);
        assertThat(account.getLong("balances.available")).isEqualTo(140);
        assertThat(account.getLong("balances.pending")).isEqualTo(7);
        JsonPath dup = account(duplicate);
        assertThat(dup.getString("status")).isEqualTo("merged");
        assertThat(dup.getString("mergedInto")).isEqualTo(survivor.toString());
        assertThat(dup.getLong("balance")).isZero();
        JsonPath survivorLedger = ledger(survivor);
        assertThat(survivorLedger.getList("items.type")).containsExactly("earn", "merge-in");
        assertThat(survivorLedger.getLong("items[1].points")).isEqualTo(47);
        assertThat(survivorLedger.getString("items[1].source.id")).isEqualTo(duplicate.toString());
        JsonPath dupLedger = ledger(duplicate);
        assertThat(dupLedger.getList("items.type")).endsWith("merge-out");
        assertThat(dupLedger.getLong("items[-1].runningBalance")).isZero();
        // Later events about the duplicate reach the survivor; its order's return is found there.
        Members.returned(duplicate, dupOrder, "40.00");
        awaitAccount(survivor, json -> json.getLong("balance") == 107);
        // Merging again changes nothing.
        Members.merged(survivor, duplicate);
        earnAvailable(survivor, "1.00");
        assertThat(ledger(survivor).getList("items.type", String.class)).filteredOn("merge-in"::equals).hasSize(1);
        Sql sql = Sql.on(dataSource);
        LedgerApiTest.assertBalanceIsLedgerSum(sql, survivor);
        LedgerApiTest.assertBalanceIsLedgerSum(sql, duplicate);
        assertThat(awaitLedger(survivor, json -> true).getList("items")).isNotEmpty();
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        try (EventTopic dlq = EventTopic.subscribe(Topics.dlq(Topics.CUSTOMER_EVENTS))) {
            UUID id = UUID.randomUUID();
            CloudEvent bad = Members.send(Members.event(dev.rapport.events.customer.PurchaseRecorded.TYPE, id,
                    java.util.Map.of("customerId", id.toString(), "total", "5.00")));
            List<?> records = dlq.awaitRecords(id.toString(), 1);
            assertThat(records).hasSize(1);
            UUID other = register();
            earnAvailable(other, "3.00");
            assertThat(bad.id()).isNotNull();
        }
    }
}
