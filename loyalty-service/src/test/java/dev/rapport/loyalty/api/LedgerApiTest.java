package dev.rapport.loyalty.api;

import static dev.rapport.loyalty.api.Members.account;
import static dev.rapport.loyalty.api.Members.awaitAccount;
import static dev.rapport.loyalty.api.Members.awaitLedger;
import static dev.rapport.loyalty.api.Members.earnAvailable;
import static dev.rapport.loyalty.api.Members.ledger;
import static dev.rapport.loyalty.api.Members.purchase;
import static dev.rapport.loyalty.api.Members.register;
import static dev.rapport.loyalty.api.Members.returned;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.rapport.devstack.DevStackResource;
import dev.rapport.events.CloudEvent;
import dev.rapport.testing.Sql;

/**
 * Accounts and the ledger, driven by real customer events. Also brings up PostgreSQL and Kafka for every
 * {@code @QuarkusTest} of this module (a {@code @QuarkusTestResource} applies module-wide).
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.DATABASE_ARG, value = "loyalty"))
class LedgerApiTest {

    @Inject
    DataSource dataSource;

    static void assertBalanceIsLedgerSum(Sql sql, UUID customerId) {
        long balance = sql.count("select balance from loyalty_account where customer_id = ?", customerId);
        long sum = sql.count("select coalesce(sum(points), 0) from ledger_entry where customer_id = ?", customerId);
        long lots = sql.count("select coalesce(sum(remaining), 0) - (select debt from loyalty_account where customer_id = ?) "
                + "from point_lot where customer_id = ?", customerId, customerId);
        assertThat(balance).as("balance = sum of the ledger").isEqualTo(sum);
        assertThat(lots).as("unspent lots less debt = balance").isEqualTo(sum);
        List<Long> running = sql.longs("select running_balance from ledger_entry where customer_id = ? "
                + "order by recorded_at, id", customerId);
        if (!running.isEmpty()) {
            assertThat(running.getLast()).as("last running balance").isEqualTo(balance);
        }
    }

    @Test
    void registrationOpensAnAccountWithAnUnguessableCode() {
        UUID id = register();
        JsonPath account = account(id);
        assertThat(account.getString("tier")).isEqualTo("Bronze");
        assertThat(account.getLong("balances.available")).isZero();
        assertThat(account.getLong("balances.pending")).isZero();
        assertThat(account.getString("referralCode")).matches("[2-9A-HJKMNP-Z]{12}");
        assertThat(account.getString("progress.nextTier")).isEqualTo("Silver");
        assertThat(account.getLong("progress.pointsNeeded")).isEqualTo(1000);
        assertThat(account.getString("status")).isEqualTo("active");
        assertThat(account.getString("nextExpiry")).isNull();
    }

    @Test
    void aPurchaseEarnsOnceAndOpensAMissedAccount() {
        UUID id = UUID.randomUUID(); // never registered
        String orderId = "O-" + UUID.randomUUID();
        Instant at = Instant.now().minus(Duration.ofDays(40));
        CloudEvent first = purchase(id, orderId, "120.99", at);
        Members.send(first); // the same event redelivered
        purchase(id, orderId, "120.99", at); // the same order replayed under a new event id
        JsonPath ledger = awaitLedger(id, json -> json.getList("items").size() >= 1);
        // Give the replays time to be (not) applied.
        earnAvailable(id, "1.00");
        ledger = ledger(id);
        assertThat(ledger.getList("items.source.id")).containsOnlyOnce(orderId);
        assertThat(ledger.getString("items[0].type")).isEqualTo("earn");
        assertThat(ledger.getLong("items[0].points")).as("120.99 at 1 point per unit, rounded down").isEqualTo(120);
        assertThat(ledger.getLong("items[0].runningBalance")).isEqualTo(120);
        assertThat(ledger.getLong("items[1].runningBalance")).isEqualTo(121);
        JsonPath account = account(id);
        assertThat(account.getLong("balances.available")).isEqualTo(121);
        assertThat(account.getLong("balances.lifetimeEarned")).isEqualTo(121);
        assertThat(account.getLong("nextExpiry.points")).isEqualTo(121);
        assertBalanceIsLedgerSum(Sql.on(dataSource), id);
    }

    @Test
    void recentPurchasesArePendingUntilTheReturnWindowCloses() {
        UUID id = register();
        purchase(id, "O-" + UUID.randomUUID(), "50.00", Instant.now().minus(Duration.ofDays(1)));
        JsonPath account = awaitAccount(id, json -> json.getLong("balance") == 50);
        assertThat(account.getLong("balances.pending")).isEqualTo(50);
        assertThat(account.getLong("balances.available")).isZero();
        // Nothing pending can be spent.
        given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"points\": 10}")
                .when().post("/loyalty/accounts/{id}/redemptions", id)
                .then().statusCode(409).body("available", equalTo(0));
    }

    @Test
    void aReturnReversesItsShareOfThePoints() {
        UUID id = register();
        String orderId = earnAvailable(id, "100.00");
        returned(id, orderId, "25.00");
        awaitAccount(id, json -> json.getLong("balance") == 75);
        returned(id, orderId, "25.00");
        JsonPath account = awaitAccount(id, json -> json.getLong("balance") == 50);
        assertThat(account.getLong("balances.available")).isEqualTo(50);
        assertThat(account.getLong("balances.lifetimeEarned")).isEqualTo(50);
        JsonPath ledger = ledger(id);
        assertThat(ledger.getList("items.type")).containsExactly("earn", "reverse", "reverse");
        assertThat(ledger.getList("items.points", Long.class)).containsExactly(100L, -25L, -25L);
        assertThat(ledger.getString("items[1].source.type")).isEqualTo("return");
        assertBalanceIsLedgerSum(Sql.on(dataSource), id);
    }

    @Test
    void aReturnOfSpentPointsLeavesANegativeBalanceThatLaterPointsRepay() {
        UUID id = register();
        String orderId = earnAvailable(id, "100.00");
        given().contentType("application/json").header("Idempotency-Key", "k-" + UUID.randomUUID())
                .body("{\"points\": 80, \"reason\": \"voucher\"}")
                .when().post("/loyalty/accounts/{id}/redemptions", id).then().statusCode(201);
        returned(id, orderId, "100.00");
        JsonPath account = awaitAccount(id, json -> json.getLong("balance") == -80);
        assertThat(account.getLong("balances.available")).isEqualTo(-80);
        earnAvailable(id, "100.00");
        account = account(id);
        assertThat(account.getLong("balance")).isEqualTo(20);
        assertThat(account.getLong("balances.available")).isEqualTo(20);
        assertThat(account.getLong("balances.spent")).isEqualTo(80);
        assertBalanceIsLedgerSum(Sql.on(dataSource), id);
    }

    @Test
    void theLedgerIsCursorPaged() {
        UUID id = register();
        earnAvailable(id, "10.00");
        earnAvailable(id, "20.00");
        earnAvailable(id, "30.00");
        JsonPath first = given().queryParam("limit", 2).when().get("/loyalty/accounts/{id}/ledger", id)
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
                .extract().jsonPath();
        given().queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .when().get("/loyalty/accounts/{id}/ledger", id)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].points", equalTo(30))
                .body("items[0].runningBalance", equalTo(60)).body("nextCursor", equalTo(null));
    }

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        String body = given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .extract().asString();
        assertThat(body).contains("Database connections health check").containsIgnoringCase("kafka");
    }

    @Test
    void badAndUnknownInputIsAProblem() {
        given().when().get("/loyalty/accounts/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("title", equalTo("Loyalty account not found"));
        given().when().get("/loyalty/accounts/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/loyalty/accounts/{id}/ledger", UUID.randomUUID()).then().statusCode(404);
        UUID id = register();
        given().queryParam("limit", "x").when().get("/loyalty/accounts/{id}/ledger", id)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", 1000).when().get("/loyalty/accounts/{id}/ledger", id).then().statusCode(400);
        given().queryParam("cursor", "bogus").when().get("/loyalty/accounts/{id}/ledger", id)
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }
}
