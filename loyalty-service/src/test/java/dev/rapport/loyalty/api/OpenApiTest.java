package dev.rapport.loyalty.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.rapport.testing.OpenApiContract;

/** Every loyalty operation is documented with its problem codes, and the document keeps the platform's promises. */
@QuarkusTest
class OpenApiTest {

    @Test
    void operationsHaveTheirProblemCodes() {
        JsonPath openapi = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openapi.getMap("paths");
        assertThat(paths).containsKeys("/loyalty/accounts/{customerId}", "/loyalty/accounts/{customerId}/ledger",
                "/loyalty/accounts/{customerId}/redemptions", "/loyalty/accounts/{customerId}/adjustments",
                "/loyalty/accounts/{customerId}/referrals", "/loyalty/program", "/loyalty/rewards",
                "/loyalty/rewards/{rewardId}");
        assertThat(paths.get("/loyalty/accounts/{customerId}/redemptions").get("post").get("responses").toString())
                .contains("201", "404", "409", "422");
        assertThat(paths.get("/loyalty/program").get("put").get("responses").toString()).contains("201", "422");
    }

    @Test
    void theDocumentKeepsThePlatformsPromises() {
        OpenApiContract.ofRunningService().assertKept();
    }
}
