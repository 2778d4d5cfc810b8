package dev.rapport.customer.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Consent, interactions and follow-ups are in the OpenAPI document with their examples and problem codes. */
@QuarkusTest
class EngagementOpenApiTest {

    @Test
    void operationsAreDocumentedWithExamplesAndEveryProblemCode() {
        JsonPath openapi = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openapi.getMap("paths");

        assertThat(paths).containsKeys("/customers/{customerId}/consents",
                "/customers/{customerId}/consents/{channel}/{purpose}", "/customers/{customerId}/interactions",
                "/customers/{customerId}/follow-ups", "/follow-ups", "/follow-ups/{id}", "/follow-ups/{id}/complete",
                "/follow-ups/{id}/cancel");
        assertThat(paths.get("/customers/{customerId}/consents/{channel}/{purpose}").get("put").toString())
                .contains("200", "400", "404", "web-form", "must not be in the future");
        assertThat(paths.get("/customers/{customerId}/interactions").get("post").get("responses").toString())
                .contains("201", "200", "400", "404", "409", "idempotency-key-conflict");
        assertThat(paths.get("/follow-ups/{id}/complete").get("post").get("responses").toString())
                .contains("200", "404", "409", "follow-up-state-conflict");
        assertThat(paths.get("/follow-ups").get("get").toString()).contains("overdue", "rapport.customer.follow-ups.zone");
        assertThat(openapi.getMap("components.schemas")).containsKeys("Consent", "ConsentList", "RecordConsentRequest",
                "Interaction", "InteractionPage", "LogInteractionRequest", "FollowUp", "FollowUpPage",
                "CreateFollowUpRequest");
    }

    @Test
    void everyOperationOnOneCustomerDeclaresTheMergedAndErasedAnswers() {
        JsonPath openapi = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        for (String operation : List.of("'/customers/{id}'.get", "'/customers/{id}'.patch",
                "'/customers/{customerId}/purchases'.post", "'/customers/{customerId}/consents/{channel}/{purpose}'.put")) {
            assertThat(openapi.getMap("paths." + operation + ".responses")).as(operation).containsKeys("308", "410");
        }
        assertThat(openapi.getMap("paths.'/customers'.post.responses")).doesNotContainKey("410");
    }
}
