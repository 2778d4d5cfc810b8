package dev.rapport.loyalty.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Every loyalty operation is documented, and every string, number and array of its schemas is bounded. */
@QuarkusTest
class OpenApiTest {

    @Test
    void operationsHaveSummariesAndTheirProblemCodes() {
        JsonPath openapi = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openapi.getMap("paths");
        assertThat(paths).containsKeys("/loyalty/accounts/{customerId}", "/loyalty/accounts/{customerId}/ledger",
                "/loyalty/accounts/{customerId}/redemptions", "/loyalty/accounts/{customerId}/adjustments",
                "/loyalty/accounts/{customerId}/referrals", "/loyalty/program", "/loyalty/rewards",
                "/loyalty/rewards/{rewardId}");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (operation instanceof Map<?, ?> op && op.containsKey("responses")) {
                assertThat(op.get("summary")).as(method + " " + path + " summary").isNotNull();
            }
        }));
        assertThat(paths.get("/loyalty/accounts/{customerId}/redemptions").get("post").get("responses").toString())
                .contains("201", "404", "409", "422");
        assertThat(paths.get("/loyalty/program").get("put").get("responses").toString()).contains("201", "422");
    }

    @Test
    void schemasAreBounded() {
        JsonPath openapi = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> schemas = openapi.getMap("components.schemas");
        List<String> unbounded = new ArrayList<>();
        for (String name : List.of("LoyaltyAccount", "LoyaltyBalances", "TierBenefits", "TierProgress", "NextExpiry",
                "LedgerEntry", "LedgerSource", "LedgerPage", "RedemptionRequest", "Redemption", "AdjustmentRequest",
                "Referral", "ReferralPage", "ProgramVersion", "ProgramTier", "ProgramOverview", "RewardRequest", "Reward",
                "RewardPage")) {
            Map<String, Object> schema = schemas.get(name);
            assertThat(schema).as(name).isNotNull();
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
            if (properties == null) {
                continue;
            }
            properties.forEach((property, p) -> {
                Object type = p.get("type");
                String t = String.valueOf(type);
                if (t.contains("string") && !"date-time".equals(p.get("format")) && !"date".equals(p.get("format"))
                        && p.get("maxLength") == null && p.get("enum") == null) {
                    unbounded.add(name + "." + property + " (maxLength)");
                }
                if ((t.contains("integer") || t.contains("number")) && p.get("maximum") == null) {
                    unbounded.add(name + "." + property + " (maximum)");
                }
                if (t.contains("array") && p.get("maxItems") == null) {
                    unbounded.add(name + "." + property + " (maxItems)");
                }
            });
        }
        assertThat(unbounded).isEmpty();
    }
}
