package dev.rapport.feedback.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.rapport.testing.OpenApiContract;

/** Every endpoint is in the OpenAPI document with its own codes, and the document keeps the platform's promises. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationIsDocumented() {
        JsonPath openapi = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openapi.getMap("paths");
        assertThat(paths).containsKeys("/feedback", "/feedback/{id}", "/feedback/analyze", "/feedback/kpis",
                "/complaints", "/complaints/{id}", "/complaints/{id}/transitions", "/complaints/{id}/assignment",
                "/complaints/agents", "/complaints/agents/{id}", "/surveys", "/surveys/{id}",
                "/surveys/{id}/responses", "/surveys/{id}/results", "/surveys/{id}/invitations");
        assertThat(paths.get("/complaints/{id}/transitions").get("post").get("responses").toString())
                .contains("200", "400", "404", "409");
        assertThat(paths.get("/surveys/{id}/responses").get("post").get("responses").toString())
                .contains("201", "400", "404", "409");
    }

    @Test
    void theDocumentKeepsThePlatformsPromises() {
        OpenApiContract.ofRunningService().assertKept();
    }
}
