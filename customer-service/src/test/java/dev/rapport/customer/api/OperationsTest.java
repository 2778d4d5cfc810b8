package dev.rapport.customer.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.testing.OpenApiContract;


import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Health, metrics and the API description: what operators and client developers rely on. */
@QuarkusTest
class OperationsTest {

    @Test
    void livenessAndReadinessIncludingDatabaseAndKafka() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void prometheusMetrics() {
        TestData.createCustomer();
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void everyOperationIsDocumentedWithSummaryProblemResponsesAndExamples() {
        JsonPath openapi = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();

        Map<String, Map<String, Map<String, Object>>> paths = openapi.getMap("paths");
        assertThat(paths).containsKeys("/customers", "/customers/{id}", "/customers/{customerId}/purchases",
                "/customers/{customerId}/purchases/{orderId}", "/customers/{customerId}/purchases/{orderId}/returns");
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                if (!List.of("get", "post", "patch", "put", "delete").contains(operation.getKey())) {
                    continue;
                }
                operations++;
                String where = operation.getKey() + " " + path.getKey();
                Map<String, Object> op = operation.getValue();
                assertThat((String) op.get("summary")).as(where + " summary").isNotBlank();
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.get("responses");
                assertThat(responses.keySet()).as(where + " responses").anyMatch(code -> code.startsWith("2"));
                assertThat(responses.keySet()).as(where + " error responses").anyMatch(code -> code.startsWith("4"));
                assertThat(responses).as(where + " shared responses").containsKeys("400", "401", "403", "406", "429", "500");
                responses.forEach((code, response) -> {
                    if (code.startsWith("4") || code.startsWith("5")) {
                        Object ref = response.get("$ref");
                        Map<String, Object> resolved = ref == null ? response
                                : openapi.getMap("components.responses." + ref.toString().substring(ref.toString().lastIndexOf('/') + 1));
                        assertThat(resolved.get("content").toString()).as(where + " " + code)
                                .contains("application/problem+json");
                        assertThat(resolved.get("headers").toString()).as(where + " " + code + " headers")
                                .contains("RateLimit-Limit").contains("X-Request-Id");
                    }
                });
            }
        }
        // 8 of customers and purchases, 10 of consent, interactions and follow-ups, 3 of upsert,
        // duplicates and merge, 3 of privacy (export, erase, erasure status), 3 of import.
        assertThat(operations).isEqualTo(8 + 10 + 3 + 3 + 3);
        assertThat(openapi.getMap("components.schemas")).containsKeys("ProblemDetail", "FieldError", "Customer",
                "CreateCustomerRequest", "Purchase", "RecordPurchaseRequest");
        assertThat(paths.get("/customers").get("post").get("requestBody").toString())
                .as("request example").contains("examples").contains("Ada@Example.com");
        assertThat(paths.get("/customers/{id}").get("patch").get("responses").toString())
                .as("412 documented with its example").contains("412").contains("currentVersion");
    }

    @Test
    void theDocumentKeepsThePlatformsPromises() {
        OpenApiContract.ofRunningService().assertKept();
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
