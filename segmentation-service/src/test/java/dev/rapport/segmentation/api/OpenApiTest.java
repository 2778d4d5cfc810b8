package dev.rapport.segmentation.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.rapport.testing.OpenApiContract;

/** Every segmentation operation is in the document, and the document keeps the platform's promises. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationIsDocumented() {
        JsonPath openapi = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> paths = openapi.getMap("paths");
        assertThat(paths).containsKeys("/segments/customers/{customerId}", "/segments/customers", "/segments/summary",
                "/segments/rfm-grid", "/segments/recompute", "/segments/jobs/{id}", "/segments/status",
                "/segments/kpis", "/segments/acquisition-spend/{channel}/{month}");
        // Every phase a running recompute reports is one the schema lists.
        assertThat(openapi.getList("components.schemas.RecomputeJob.properties.phase.enum"))
                .contains("queued", "scoring", "fitting", "done", "failed");
    }

    @Test
    void theDocumentKeepsThePlatformsPromises() {
        OpenApiContract.ofRunningService().assertKept();
    }
}
