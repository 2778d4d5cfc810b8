package dev.rapport.loyalty.api;

import static dev.rapport.loyalty.api.Members.account;
import static dev.rapport.loyalty.api.Members.earnAvailable;
import static dev.rapport.loyalty.api.Members.ledger;
import static dev.rapport.loyalty.api.Members.register;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import dev.rapport.testing.Sql;
import dev.rapport.testing.TestIdentity;

@QuarkusTest
class RedemptionApiTest {

    @Inject
    DataSource dataSource;

    private static ValidatableResponse redeem(UUID id, String key, String body) {
        var request = given().contentType("application/json").body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/loyalty/accounts/{id}/redemptions", id).then();
    }

    @Test
    void redeemsAvailablePointsAndAnswersARetryTheSame() {
        UUID id = register();
        earnAvailable(id, "500.00");
        String key = "k-" + UUID.randomUUID();
        JsonPath first = redeem(id, key, "{\"points\": 200, \"reason\": \"voucher\"}").statusCode(201)
                .body("points", equalTo(200)).body("balance", equalTo(300)).body("available", equalTo(300))
                .extract().jsonPath();
        JsonPath again = redeem(id, key, "{\"points\": 200, \"reason\": \"voucher\"}").statusCode(201).extract().jsonPath();
        assertThat(again.getString("entryId")).isEqualTo(first.getString("entryId"));
        assertThat(again.getLong("balance")).isEqualTo(300);
        redeem(id, key, "{\"points\": 201, \"reason\": \"voucher\"}").statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("Idempotency-Key"));
        JsonPath account = account(id);
        assertThat(account.getLong("balances.available")).isEqualTo(300);
        assertThat(account.getLong("balances.spent")).isEqualTo(200);
        JsonPath ledger = ledger(id);
        assertThat(ledger.getList("items.type")).containsExactly("earn", "redeem");
        assertThat(ledger.getString("items[1].reason")).isEqualTo("voucher");
        LedgerApiTest.assertBalanceIsLedgerSum(Sql.on(dataSource), id);
    }

    @Test
    void insufficientPointsIsAConflictSayingWhatIsAvailable() {
        UUID id = register();
        earnAvailable(id, "120.00");
        redeem(id, "k-" + UUID.randomUUID(), "{\"points\": 121}").statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/insufficient-points"))
                .body("available", equalTo(120)).body("requested", equalTo(121));
        assertThat(account(id).getLong("balances.available")).isEqualTo(120);
    }

    @Test
    void badRedemptionsAreProblems() {
        UUID id = register();
        redeem(id, null, "{\"points\": 1}").statusCode(400).body("errors.field", hasItem("Idempotency-Key"));
        redeem(id, "k", "{\"points\": 0}").statusCode(400).body("errors.field", hasItem("points"));
        redeem(id, "k", "{\"points\": -5}").statusCode(400).body("errors.field", hasItem("points"));
        redeem(id, "k", "{}").statusCode(400).body("errors.field", hasItem("points"));
        redeem(id, "k", "{\"points\": \"many\"}").statusCode(400).contentType("application/problem+json");
        redeem(id, "k", "{\"points\": 1,").statusCode(400).contentType("application/problem+json");
        redeem(id, "k", "{\"points\": 1, \"rewardId\": \"nope\"}").statusCode(400).body("errors.field", hasItem("rewardId"));
        redeem(id, "k", "{\"points\": 1, \"bogus\": 1}").statusCode(400);
        redeem(UUID.randomUUID(), "k", "{\"points\": 1}").statusCode(404);
        redeem(id, "k", "{\"rewardId\": \"" + UUID.randomUUID() + "\"}").statusCode(404);
    }

    @Test
    void parallelRedemptionsNeverOverspend() throws Exception {
        UUID id = register();
        earnAvailable(id, "1000.00");
        int clients = 24;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                calls.add(() -> redeem(id, "p-" + UUID.randomUUID(), "{\"points\": 100}").extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(clients - 10);
        } finally {
            pool.shutdownNow();
        }
        JsonPath account = account(id);
        assertThat(account.getLong("balance")).isZero();
        assertThat(account.getLong("balances.available")).isZero();
        assertThat(account.getLong("balances.spent")).isEqualTo(1000);
        Sql sql = Sql.on(dataSource);
        assertThat(sql.longs("select running_balance from ledger_entry where customer_id = ?", id))
                .allSatisfy(balance -> assertThat(balance).isNotNegative());
        LedgerApiTest.assertBalanceIsLedgerSum(sql, id);
    }

    @Test
    void agentsAdjustWithAReasonAndAreAudited() {
        UUID id = register();
        given().contentType("application/json").header("Authorization", TestIdentity.bearer("jwt:agent-7"))
                .body("{\"points\": 150, \"reason\": \"goodwill after a late delivery\"}")
                .when().post("/loyalty/accounts/{id}/adjustments", id)
                .then().statusCode(201).body("type", equalTo("adjust")).body("points", equalTo(150))
                .body("source.agent", equalTo("jwt:agent-7")).body("runningBalance", equalTo(150));
        assertThat(account(id).getLong("balances.available")).isEqualTo(150);
        given().contentType("application/json").header("Authorization", TestIdentity.bearer("jwt:agent-7"))
                .body("{\"points\": -200, \"reason\": \"correction\"}")
                .when().post("/loyalty/accounts/{id}/adjustments", id)
                .then().statusCode(409).body("available", equalTo(150));
        given().contentType("application/json").header("Authorization", TestIdentity.bearer("jwt:agent-7"))
                .body("{\"points\": -50, \"reason\": \"correction\"}")
                .when().post("/loyalty/accounts/{id}/adjustments", id).then().statusCode(201).body("runningBalance", equalTo(100));
        given().contentType("application/json").header("Authorization", TestIdentity.bearer("jwt:agent-7")).body("{\"points\": 10}")
                .when().post("/loyalty/accounts/{id}/adjustments", id)
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().contentType("application/json").header("Authorization", TestIdentity.bearer("jwt:agent-7"))
                .body("{\"points\": 0, \"reason\": \"x\"}")
                .when().post("/loyalty/accounts/{id}/adjustments", id)
                .then().statusCode(400).body("errors.field", hasItem("points"));
        // A forged principal header names no agent: without the gateway's token there is none.
        given().contentType("application/json").header("X-Rapport-Principal", "agent-7").body("{\"points\": 5, \"reason\": \"x\"}")
                .when().post("/loyalty/accounts/{id}/adjustments", id)
                .then().statusCode(400).body("errors.field", hasItem("agent"));
        LedgerApiTest.assertBalanceIsLedgerSum(Sql.on(dataSource), id);
    }
}
