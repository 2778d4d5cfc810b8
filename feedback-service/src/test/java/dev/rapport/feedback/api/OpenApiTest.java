package dev.rapport.feedback.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Every endpoint is in the OpenAPI document with a summary, its own codes, and bounded strings and arrays. */
@QuarkusTest
class OpenApiTest {

    private static final Set<String> PLATFORM_SCHEMAS = Set.of("ProblemDetail", "FieldError");

    @Test
    void everyOperationIsDocumented() {
        JsonPath openapi = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openapi.getMap("paths");
        assertThat(paths).containsKeys("/feedback", "/feedback/{id}", "/feedback/analyze", "/feedback/kpis",
                "/complaints", "/complaints/{id}", "/complaints/{id}/transitions", "/complaints/{id}/assignment",
                "/complaints/agents", "/complaints/agents/{id}", "/surveys", "/surveys/{id}",
                "/surveys/{id}/responses", "/surveys/{id}/results", "/surveys/{id}/invitations");
        List<String> undocumented = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (operation.get("summary") == null) {
                undocumented.add(method + " " + path);
            }
        }));
        assertThat(undocumented).isEmpty();
        assertThat(paths.get("/complaints/{id}/transitions").get("post").get("responses").toString())
                .contains("200", "400", "404", "409");
        assertThat(paths.get("/surveys/{id}/responses").get("post").get("responses").toString())
                .contains("201", "400", "404", "409");
    }

    @Test
    @SuppressWarnings("unchecked")
    void stringsAndArraysOfOurSchemasAreBounded() {
        JsonPath openapi = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> schemas = openapi.getMap("components.schemas");
        List<String> unbounded = new ArrayList<>();
        schemas.forEach((name, schema) -> {
            if (PLATFORM_SCHEMAS.contains(name)) {
                return;
            }
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
            if (properties == null) {
                return;
            }
            properties.forEach((property, p) -> {
                if (p.get("$ref") != null || p.get("anyOf") != null) {
                    return; // a UUID or Instant component, bounded by its format
                }
                Object type = p.get("type");
                boolean string = "string".equals(type) || (type instanceof List<?> l && l.contains("string"));
                boolean array = "array".equals(type) || (type instanceof List<?> l && l.contains("array"));
                if (string && p.get("maxLength") == null && p.get("format") == null && p.get("enum") == null) {
                    unbounded.add(name + "." + property + " " + p);
                }
                if (array && p.get("maxItems") == null) {
                    unbounded.add(name + "." + property + "[]");
                }
            });
        });
        assertThat(unbounded).isEmpty();
    }
}
