package dev.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** GET /q/openapi merges the services' documents under /api, with the gateway's security schemes. */
@QuarkusTest
class OpenApiTest {

    @Test
    void containsEveryCustomerServiceOperationUnderApi() {
        // What customer-service itself documents, asked directly.
        JsonPath own = JsonPath.from(TestCallers.stubGet("customer", "/q/openapi?format=json"));
        Map<String, Map<String, Object>> ownPaths = own.getMap("paths");
        assertFalse(ownPaths.isEmpty(), "customer-service documents its API");

        TestCallers.eventually("the gateway has fetched customer-service's document",
                () -> merged().getMap("paths").containsKey("/api" + ownPaths.keySet().iterator().next()));
        JsonPath merged = merged();
        Map<String, Map<String, Object>> mergedPaths = merged.getMap("paths");
        for (Map.Entry<String, Map<String, Object>> path : ownPaths.entrySet()) {
            if (!path.getKey().startsWith("/customers")) {
                continue;
            }
            String publicPath = "/api" + path.getKey();
            assertTrue(mergedPaths.containsKey(publicPath), publicPath + " is in the merged document");
            for (String method : path.getValue().keySet()) {
                if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    assertTrue(mergedPaths.get(publicPath).containsKey(method), method + " " + publicPath);
                }
            }
        }
        assertFalse(mergedPaths.keySet().stream().anyMatch(path -> path.startsWith("/customers")),
                "no unprefixed service paths");
        // Operations say what they need and document the gateway's answers.
        String getCustomer = "paths.'/api/customers/{id}'.get";
        assertEquals(List.of("customers:read"), merged.getList(getCustomer + ".x-rapport-access.scopes"));
        assertTrue(merged.getList(getCustomer + ".x-rapport-access.roles").contains("crm-agent"));
        assertEquals("#/components/responses/GatewayUnauthorized", merged.getString(getCustomer + ".responses.401.$ref"));
        assertEquals("#/components/responses/GatewayUnavailable", merged.getString(getCustomer + ".responses.503.$ref"));
    }

    @Test
    void declaresAndAppliesTheBearerAndApiKeySchemes() {
        JsonPath merged = merged();
        assertEquals("http", merged.getString("components.securitySchemes.bearerAuth.type"));
        assertEquals("bearer", merged.getString("components.securitySchemes.bearerAuth.scheme"));
        assertEquals("JWT", merged.getString("components.securitySchemes.bearerAuth.bearerFormat"));
        assertEquals("apiKey", merged.getString("components.securitySchemes.apiKeyAuth.type"));
        assertEquals("header", merged.getString("components.securitySchemes.apiKeyAuth.in"));
        assertEquals("X-Api-Key", merged.getString("components.securitySchemes.apiKeyAuth.name"));
        List<Map<String, Object>> security = merged.getList("security");
        assertTrue(security.stream().anyMatch(requirement -> requirement.containsKey("bearerAuth")));
        assertTrue(security.stream().anyMatch(requirement -> requirement.containsKey("apiKeyAuth")));
    }

    @Test
    void includesTheGatewaysOwnOverviewOperation() {
        JsonPath merged = merged();
        assertEquals("getCustomerOverview", merged.getString("paths.'/api/customers/{id}/overview'.get.operationId"));
        assertEquals("#/components/schemas/CustomerOverview", mergedTree()
                .at("/paths/~1api~1customers~1{id}~1overview/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals(List.of("available", "unavailable", "absent", "forbidden"),
                merged.getList("components.schemas.OverviewPart.properties.status.enum"));
    }

    @Test
    void mergesOtherServicesAndRenamesClashingComponents() {
        TestCallers.eventually("the feedback document is merged",
                () -> merged().getMap("paths").containsKey("/api/feedback/echo"));
        JsonPath merged = merged();
        assertTrue(merged.getMap("paths").containsKey("/api/complaints"));
        assertFalse(merged.getMap("paths").containsKey("/api/internal/metrics"), "paths no route serves are dropped");
        // Both services define ProblemDetail differently: each gets its own prefixed copy.
        Map<String, Object> schemas = merged.getMap("components.schemas");
        assertTrue(schemas.containsKey("feedback_ProblemDetail"), "feedback's ProblemDetail renamed: " + schemas.keySet());
        assertFalse(schemas.containsKey("ProblemDetail"), "the clashing name is not used unprefixed");
        assertEquals("#/components/schemas/feedback_ProblemDetail", mergedTree()
                .at("/paths/~1api~1feedback~1echo/get/responses/500/content/application~1problem+json/schema/$ref").asText());
        assertTrue(schemas.containsKey("Feedback"), "non-clashing names stay as they are");
        assertTrue(merged.getString("info.description").contains("loyalty-service: not reachable"));
    }

    @Test
    void everyReferenceInTheMergedDocumentResolves() {
        TestCallers.eventually("the feedback document is merged",
                () -> merged().getMap("paths").containsKey("/api/feedback/echo"));
        com.fasterxml.jackson.databind.JsonNode document = mergedTree();
        java.util.List<String> refs = new java.util.ArrayList<>();
        collectRefs(document, refs);
        assertTrue(refs.size() > 20, "the document uses references: " + refs.size());
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/"), "only local references: " + ref);
            assertFalse(document.at(ref.substring(1)).isMissingNode(), "unresolved reference " + ref);
        }
    }

    private static void collectRefs(com.fasterxml.jackson.databind.JsonNode node, java.util.List<String> refs) {
        if (node.isObject() && node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.elements().forEachRemaining(child -> collectRefs(child, refs));
    }

    @Test
    void servesYamlByDefaultAndJsonOnRequest() {
        given().get("/q/openapi").then().statusCode(200)
                .contentType(containsString("application/yaml"))
                .body(containsString("openapi: 3.1.0"))
                .body(containsString("/api/customers/{id}/overview:"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("info.title", equalTo("Rapport API"));
    }

    @Test
    void swaggerUiShowsTheMergedDocument() {
        given().get("/q/swagger-ui/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("/q/openapi"));
        given().get("/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200);
        given().get("/q/openapi?format=json").then()
                .body("paths.keySet()", hasItem("/api/customers/{id}/overview"));
    }

    /** JSON pointers are clearer than GPath for media-type keys such as application/json. */
    private static com.fasterxml.jackson.databind.JsonNode mergedTree() {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonPath merged() {
        return JsonPath.from(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    }
}
