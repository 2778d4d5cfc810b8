package dev.rapport.customer.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
    void everyStringIntegerAndArrayInTheDocumentIsBounded() throws Exception {
        String document = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        List<String> unbounded = new ArrayList<>();
        collectUnbounded(new ObjectMapper().readTree(document), "", unbounded);
        assertThat(unbounded).as("schemas without maxLength/enum/const, minimum+maximum+format or maxItems").isEmpty();
    }

    /** The OWASP rules the gateway's document is linted with: strings, integers and arrays need bounds. */
    private static void collectUnbounded(JsonNode node, String where, List<String> unbounded) {
        if (node.isObject()) {
            JsonNode type = node.get("type");
            Set<String> types = new HashSet<>();
            if (type != null && type.isTextual()) {
                types.add(type.asText());
            } else if (type != null && type.isArray()) {
                type.forEach(t -> types.add(t.asText()));
            }
            if (types.contains("string") && !node.has("maxLength") && !node.has("enum") && !node.has("const")) {
                unbounded.add(where + " (string)");
            }
            if (types.contains("integer")
                    && !(node.has("minimum") && node.has("maximum") && node.has("format"))) {
                unbounded.add(where + " (integer)");
            }
            if (types.contains("array") && !node.has("maxItems")) {
                unbounded.add(where + " (array)");
            }
            if (node.has("enum") && types.contains("array")) {
                unbounded.add(where + " (enum on an array: it belongs on the items)");
            }
            node.properties().forEach(field -> {
                // Examples are values, not schemas.
                if (!field.getKey().equals("examples") && !field.getKey().equals("example")) {
                    collectUnbounded(field.getValue(), where + "/" + field.getKey(), unbounded);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectUnbounded(node.get(i), where + "/" + i, unbounded);
            }
        }
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
