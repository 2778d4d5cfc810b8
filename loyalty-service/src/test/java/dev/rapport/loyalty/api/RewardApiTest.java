package dev.rapport.loyalty.api;

import static dev.rapport.loyalty.api.Members.account;
import static dev.rapport.loyalty.api.Members.earnAvailable;
import static dev.rapport.loyalty.api.Members.register;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.rapport.events.Topics;
import dev.rapport.events.loyalty.RewardRedeemed;
import dev.rapport.testing.EventTopic;

@QuarkusTest
class RewardApiTest {

    static Map<String, Object> reward(long cost, Long stock) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Coffee voucher");
        body.put("description", "One hot drink");
        body.put("pointsCost", cost);
        body.put("stock", stock);
        return body;
    }

    static String create(Map<String, Object> body) {
        return given().contentType("application/json").body(body).when().post("/loyalty/rewards")
                .then().statusCode(201).header("Location", notNullValue()).extract().path("id");
    }

    static int redeemReward(UUID customer, String rewardId) {
        return given().contentType("application/json").header("Idempotency-Key", "r-" + UUID.randomUUID())
                .body("{\"rewardId\": \"" + rewardId + "\"}")
                .when().post("/loyalty/accounts/{id}/redemptions", customer).then().extract().statusCode();
    }

    @Test
    void catalogueCrud() {
        String id = create(reward(300, 5L));
        given().when().get("/loyalty/rewards/{id}", id).then().statusCode(200)
                .body("pointsCost", equalTo(300)).body("stock", equalTo(5)).body("name", equalTo("Coffee voucher"));
        Map<String, Object> changed = reward(350, 10L);
        changed.put("minimumTier", "Silver");
        given().contentType("application/json").body(changed).when().put("/loyalty/rewards/{id}", id)
                .then().statusCode(200).body("pointsCost", equalTo(350)).body("minimumTier", equalTo("Silver"));
        given().queryParam("limit", 100).when().get("/loyalty/rewards").then().statusCode(200).body("items.id", hasItem(id));
        given().when().delete("/loyalty/rewards/{id}", id).then().statusCode(204);
        given().when().get("/loyalty/rewards/{id}", id).then().statusCode(404);
        given().when().delete("/loyalty/rewards/{id}", id).then().statusCode(404);
    }

    @Test
    void badRewardsAreProblems() {
        given().contentType("application/json").body("{}").when().post("/loyalty/rewards")
                .then().statusCode(400).body("errors.field", hasItem("name")).body("errors.field", hasItem("pointsCost"));
        given().contentType("application/json").body(reward(0, -1L)).when().post("/loyalty/rewards")
                .then().statusCode(400).body("errors.field", hasItem("pointsCost")).body("errors.field", hasItem("stock"));
        Map<String, Object> window = reward(10, null);
        window.put("validFrom", "2027-01-02T00:00:00Z");
        window.put("validUntil", "2027-01-01T00:00:00Z");
        given().contentType("application/json").body(window).when().post("/loyalty/rewards")
                .then().statusCode(400).body("errors.field", hasItem("validUntil"));
        Map<String, Object> tier = reward(10, null);
        tier.put("minimumTier", "Diamond");
        given().contentType("application/json").body(tier).when().post("/loyalty/rewards")
                .then().statusCode(422).body("errors.field", hasItem("minimumTier"));
        given().contentType("application/json").body("{\"name\": 5,").when().post("/loyalty/rewards").then().statusCode(400);
        given().when().get("/loyalty/rewards/nope").then().statusCode(404);
        given().contentType("application/json").body(reward(10, 1L)).when().put("/loyalty/rewards/{id}", UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void redeemingARewardSpendsItsCostAndTakesStockNeverBelowZero() throws Exception {
        String rewardId = create(reward(100, 3L));
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID id = register();
            earnAvailable(id, "150.00");
            members.add(id);
        }
        try (EventTopic topic = EventTopic.subscribe(Topics.LOYALTY_EVENTS)) {
            ExecutorService pool = Executors.newFixedThreadPool(members.size());
            List<Integer> statuses = new ArrayList<>();
            try {
                List<Callable<Integer>> calls = members.stream()
                        .<Callable<Integer>>map(m -> () -> redeemReward(m, rewardId)).toList();
                for (Future<Integer> f : pool.invokeAll(calls)) {
                    statuses.add(f.get());
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(3);
            given().when().get("/loyalty/rewards/{id}", rewardId).then().statusCode(200).body("stock", equalTo(0));
            long spent = members.stream().mapToLong(m -> account(m).getLong("balances.spent")).sum();
            assertThat(spent).as("only the three that got an item paid").isEqualTo(300);
            UUID winner = members.get(statuses.indexOf(201));
            RewardRedeemed event = topic.awaitType(winner.toString(), RewardRedeemed.TYPE).dataAs(RewardRedeemed.class);
            assertThat(event.rewardId().toString()).isEqualTo(rewardId);
            assertThat(event.points()).isEqualTo(100);
        }
        int outOfStock = given().contentType("application/json").header("Idempotency-Key", "r-" + UUID.randomUUID())
                .body("{\"rewardId\": \"" + rewardId + "\"}")
                .when().post("/loyalty/accounts/{id}/redemptions", members.getLast())
                .then().extract().statusCode();
        assertThat(outOfStock).isIn(409);
    }

    @Test
    void tierAndValidityWindowAreEnforced() {
        UUID id = register();
        earnAvailable(id, "500.00");
        Map<String, Object> gold = reward(10, null);
        gold.put("minimumTier", "Gold");
        String goldReward = create(gold);
        given().contentType("application/json").header("Idempotency-Key", "r-" + UUID.randomUUID())
                .body("{\"rewardId\": \"" + goldReward + "\"}")
                .when().post("/loyalty/accounts/{id}/redemptions", id)
                .then().statusCode(422).body("type", equalTo("https://rapport.dev/problems/tier-too-low"));
        Map<String, Object> later = reward(10, null);
        later.put("validFrom", Instant.now().plusSeconds(86_400).toString());
        String laterReward = create(later);
        given().contentType("application/json").header("Idempotency-Key", "r-" + UUID.randomUUID())
                .body("{\"rewardId\": \"" + laterReward + "\"}")
                .when().post("/loyalty/accounts/{id}/redemptions", id)
                .then().statusCode(422).body("type", equalTo("https://rapport.dev/problems/reward-not-available"));
        String unlimited = create(reward(20, null));
        assertThat(redeemReward(id, unlimited)).isEqualTo(201);
        assertThat(account(id).getLong("balances.available")).isEqualTo(480);
    }
}
