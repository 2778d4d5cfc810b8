package dev.rapport.segmentation.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Every operation is documented, and every schema bounds its strings, numbers and arrays. */
@QuarkusTest
class OpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasASummaryAndEverySchemaIsBounded() {
        JsonPath openapi = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openapi.getMap("paths");
        assertThat(paths).containsKeys("/segments/customers/{customerId}", "/segments/customers", "/segments/summary",
                "/segments/rfm-grid", "/segments/recompute", "/segments/jobs/{id}", "/segments/status",
                "/segments/kpis", "/segments/acquisition-spend/{channel}/{month}");
        List<String> problems = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (operation.get("summary") == null) {
                problems.add(method + " " + path + ": no summary");
            }
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            if (responses == null || responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                problems.add(method + " " + path + ": no success response");
            }
        }));
        Map<String, Map<String, Object>> schemas = openapi.getMap("components.schemas");
        // ProblemDetail and FieldError are platform/http's (bounded by its OpenAPI filter for every service)
        schemas.forEach((name, schema) -> {
            if (!name.equals("ProblemDetail") && !name.equals("FieldError")) {
                check(name, schema, problems);
            }
        });
        assertThat(problems).isEmpty();
        // Every phase a running recompute reports is one the schema lists.
        assertThat(openapi.getList("components.schemas.RecomputeJob.properties.phase.enum"))
                .contains("queued", "scoring", "fitting", "catching-up", "swapping", "done", "failed");
    }

    @SuppressWarnings("unchecked")
    private static void check(String where, Map<String, Object> schema, List<String> problems) {
        Object type = schema.get("type");
        String t = type instanceof List<?> list ? list.stream().filter(x -> !"null".equals(x)).findFirst()
                .map(Object::toString).orElse("") : String.valueOf(type);
        switch (t) {
            case "string" -> {
                if (schema.get("maxLength") == null && schema.get("enum") == null && schema.get("format") == null) {
                    problems.add(where + ": string without maxLength");
                }
            }
            case "integer", "number" -> {
                if (schema.get("maximum") == null) {
                    problems.add(where + ": number without maximum");
                }
            }
            case "array" -> {
                if (schema.get("maxItems") == null) {
                    problems.add(where + ": array without maxItems");
                }
            }
            default -> { }
        }
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
        if (properties != null) {
            properties.forEach((property, nested) -> check(where + "." + property, nested, problems));
        }
    }
}
