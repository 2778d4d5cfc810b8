package dev.rapport.loyalty.api;

import static dev.rapport.loyalty.api.Members.account;
import static dev.rapport.loyalty.api.Members.awaitAccount;
import static dev.rapport.loyalty.api.Members.earnAvailable;
import static dev.rapport.loyalty.api.Members.register;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.rapport.events.Topics;
import dev.rapport.events.customer.PurchaseRecorded;
import dev.rapport.events.loyalty.TierChanged;
import dev.rapport.testing.EventTopic;

@QuarkusTest
class TierAndProgramTest {

    @Test
    void pointsEarnedInTheWindowRaiseTheTierAndItsMultiplierApplies() {
        try (EventTopic topic = EventTopic.subscribe(Topics.LOYALTY_EVENTS)) {
            UUID id = register();
            earnAvailable(id, "1000.00");
            JsonPath account = awaitAccount(id, json -> "Silver".equals(json.getString("tier")));
            assertThat(account.getDouble("benefits.discountPercent")).isEqualTo(5.0);
            assertThat(account.getList("benefits.perks")).containsExactly("free-shipping");
            assertThat(account.getString("progress.nextTier")).isEqualTo("Gold");
            assertThat(account.getLong("progress.pointsNeeded")).isEqualTo(4000);
            assertThat(account.getLong("progress.pointsToRetain")).isZero();
            TierChanged changed = topic.awaitType(id.toString(), TierChanged.TYPE).dataAs(TierChanged.class);
            assertThat(changed.previousTier()).isEqualTo("Bronze");
            assertThat(changed.tier()).isEqualTo("Silver");
            assertThat(changed.direction()).isEqualTo("up");
            assertThat(changed.qualifyingPoints()).isEqualTo(1000);
            // The multiplier is the one of the tier held on the purchase's date: Silver now, Bronze (the
            // lowest, before the member held any tier) 40 days ago.
            String asSilver = "O-" + UUID.randomUUID();
            Members.purchase(id, asSilver, "100.00", Instant.now());
            String beforeSilver = "O-" + UUID.randomUUID();
            Members.purchase(id, beforeSilver, "100.00", Instant.now().minus(Duration.ofDays(40)));
            JsonPath ledger = Members.awaitLedger(id,
                    json -> json.getList("items.source.id").containsAll(java.util.List.of(asSilver, beforeSilver)));
            assertThat(pointsOf(ledger, asSilver)).as("100 x 1.25 for Silver").isEqualTo(125);
            assertThat(pointsOf(ledger, beforeSilver)).as("100 x 1 for Bronze, the tier on its date").isEqualTo(100);
            assertThat(account(id).getLong("balance")).isEqualTo(1225);
        }
    }

    @Test
    void aPurchaseDatedInThePastEarnsWithTheTierHeldOnItsDate() {
        UUID id = register();
        Instant beforeGold = Instant.now();
        earnAvailable(id, "5000.00");
        awaitAccount(id, json -> "Gold".equals(json.getString("tier")));
        // Dated after registration but before Gold: the member was Bronze then.
        String pastOrder = "O-" + UUID.randomUUID();
        Members.purchase(id, pastOrder, "100.00", beforeGold);
        String nowOrder = "O-" + UUID.randomUUID();
        Members.purchase(id, nowOrder, "100.00", Instant.now());
        JsonPath ledger = Members.awaitLedger(id,
                json -> json.getList("items.source.id").containsAll(java.util.List.of(pastOrder, nowOrder)));
        assertThat(pointsOf(ledger, pastOrder)).as("Bronze's multiplier 1").isEqualTo(100);
        assertThat(pointsOf(ledger, nowOrder)).as("Gold's multiplier 1.5").isEqualTo(150);
    }

    private static long pointsOf(JsonPath ledger, String orderId) {
        return ledger.getLong("items.find { it.source.id == '" + orderId + "' }.points");
    }

    @Test
    void purchasesOlderThanTheWindowDoNotCountForTheTier() {
        UUID id = register();
        String orderId = "O-" + UUID.randomUUID();
        // Older than the 12-month expiry: earned and expired at once, and outside the tier window.
        Members.purchase(id, orderId, "2000.00", Instant.now().minus(Duration.ofDays(400)));
        JsonPath ledger = Members.awaitLedger(id, json -> json.getList("items").size() == 2);
        assertThat(ledger.getList("items.type")).containsExactly("earn", "expire");
        JsonPath account = account(id);
        assertThat(account.getString("tier")).isEqualTo("Bronze");
        assertThat(account.getLong("balance")).isZero();
        assertThat(account.getLong("balances.expired")).isEqualTo(2000);
        assertThat(account.getLong("progress.qualifyingPoints")).isZero();
    }

    @Test
    void aProgramChangeAppliesFromItsEffectiveDateAndNeverRewritesHistory() throws Exception {
        JsonPath program = given().when().get("/loyalty/program").then().statusCode(200).extract().jsonPath();
        Map<String, Object> current = program.getMap("current");
        assertThat(program.getList("current.tiers.name")).containsExactly("Bronze", "Silver", "Gold", "Platinum");

        Map<String, Object> change = new java.util.HashMap<>(current);
        change.remove("version");
        // Only a test currency changes, so the other tests of this JVM earn as before.
        change.put("currencyRates", Map.of("XTS", new BigDecimal("10")));
        change.put("effectiveFrom", Instant.now().minusSeconds(60).toString());
        given().contentType("application/json").body(change).when().put("/loyalty/program")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/effective-date-in-past"))
                .body("errors.field", hasItem("effectiveFrom"));

        Instant effective = Instant.now().plusSeconds(2);
        change.put("effectiveFrom", effective.toString());
        int version = given().contentType("application/json").body(change).when().put("/loyalty/program")
                .then().statusCode(201).body("currencyRates.XTS", equalTo(10)).extract().path("version");
        assertThat(version).isPositive();
        given().when().get("/loyalty/program").then().statusCode(200).body("upcoming.version", hasItem(version));

        Thread.sleep(Duration.between(Instant.now(), effective).toMillis() + 200);
        UUID id = register();
        String before = "O-" + UUID.randomUUID();
        String after = "O-" + UUID.randomUUID();
        Members.send(Members.event(PurchaseRecorded.TYPE, id, new PurchaseRecorded(id, UUID.randomUUID(), before,
                new BigDecimal("5.00"), "XTS", Instant.now().minus(Duration.ofDays(40)), 1)));
        Members.send(Members.event(PurchaseRecorded.TYPE, id, new PurchaseRecorded(id, UUID.randomUUID(), after,
                new BigDecimal("5.00"), "XTS", Instant.now(), 1)));
        JsonPath ledger = Members.awaitLedger(id, json -> json.getList("items").size() == 2);
        assertThat(ledger.getLong("items.find { it.source.id == '" + before + "' }.points"))
                .as("dated before the change: the old rules").isEqualTo(5);
        assertThat(ledger.getLong("items.find { it.source.id == '" + after + "' }.points"))
                .as("dated after: the new rate").isEqualTo(50);
        given().when().get("/loyalty/program").then().statusCode(200).body("current.version", equalTo(version));
    }

    @Test
    void badProgramsAreProblems() {
        given().contentType("application/json").body("{}").when().put("/loyalty/program")
                .then().statusCode(400).body("errors.field", hasItem("effectiveFrom")).body("errors.field", hasItem("tiers"));
        given().contentType("application/json").body("{\"effectiveFrom\": ").when().put("/loyalty/program")
                .then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> program = new java.util.HashMap<>(given().when().get("/loyalty/program").then()
                .extract().jsonPath().getMap("current"));
        program.remove("version");
        program.put("effectiveFrom", Instant.now().plusSeconds(3600).toString());
        program.put("tiers", java.util.List.of(Map.of("name", "Silver", "threshold", 100, "multiplier", 1)));
        given().contentType("application/json").body(program).when().put("/loyalty/program")
                .then().statusCode(400).body("errors[0].message", org.hamcrest.Matchers.containsString("threshold must be 0"));
        program.put("tiers", java.util.List.of(Map.of("name", "Base", "threshold", 0, "multiplier", 1)));
        program.put("rounding", "sideways");
        given().contentType("application/json").body(program).when().put("/loyalty/program")
                .then().statusCode(400).body("errors.field", hasItem("rounding"));
        program.put("rounding", "down");
        program.put("pendingDays", 9999);
        given().contentType("application/json").body(program).when().put("/loyalty/program")
                .then().statusCode(400).body("errors[0].message", org.hamcrest.Matchers.containsString("pendingDays"));
    }
}
