package dev.rapport.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.rapport.gateway.routing.Upstream;

class OpenApiMergerTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode parse(String text) {
        try {
            return json.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private final OpenApiMerger merger = new OpenApiMerger((ObjectNode) parse("""
            {'paths': {'/api/customers/{id}/overview': {'get': {'operationId': 'getCustomerOverview',
               'responses': {'200': {'description': 'ok'}}}}},
             'components': {'schemas': {'CustomerOverview': {'type': 'object'}}}}"""));

    private final JsonNode customerDoc = parse("""
            {'openapi': '3.1.0', 'tags': [{'name': 'Customers'}],
             'paths': {
               '/customers': {'post': {'operationId': 'create', 'requestBody': {'content': {}},
                  'security': [{'oidc': []}],
                  'responses': {'201': {'$ref': '#/components/responses/Created'},
                                '400': {'content': {'application/problem+json': {'schema': {'$ref': '#/components/schemas/ProblemDetail'}}}}}}},
               '/customers/{id}': {'get': {'operationId': 'get', 'responses': {'200': {'content': {'application/json':
                  {'schema': {'$ref': '#/components/schemas/Customer'}}}}}}},
               '/q/health': {'get': {'operationId': 'health'}}},
             'components': {
               'schemas': {'Customer': {'type': 'object', 'properties': {'id': {'type': 'string'}}},
                           'ProblemDetail': {'type': 'object', 'title': 'customer flavour'},
                           'Money': {'type': 'string'}},
               'responses': {'Created': {'description': 'created'}},
               'securitySchemes': {'oidc': {'type': 'openIdConnect'}}}}""");

    private final JsonNode loyaltyDoc = parse("""
            {'openapi': '3.1.0', 'tags': [{'name': 'Customers'}, {'name': 'Loyalty'}],
             'paths': {
               '/loyalty/accounts/{customerId}': {'get': {'operationId': 'get', 'responses': {'200': {'content': {'application/json':
                  {'schema': {'$ref': '#/components/schemas/Account'}}}}, '500': {'content': {'application/problem+json':
                  {'schema': {'$ref': '#/components/schemas/ProblemDetail'}}}}}}},
               '/customers/{id}': {'get': {'operationId': 'sneaky'}}},
             'components': {'schemas': {
               'Account': {'type': 'object', 'properties': {'balance': {'$ref': '#/components/schemas/Money'}}},
               'ProblemDetail': {'type': 'object', 'title': 'loyalty flavour'},
               'Money': {'type': 'string'}}}}""");

    private ObjectNode merge(OpenApiMerger.Source... sources) {
        return merger.merge(List.of(sources), "1.2.3");
    }

    @Test
    void prefixesRoutedPathsAndDropsTheRest() {
        ObjectNode merged = merge(new OpenApiMerger.Source(Upstream.CUSTOMER, customerDoc, true),
                new OpenApiMerger.Source(Upstream.LOYALTY, loyaltyDoc, true));
        JsonNode paths = merged.path("paths");
        assertTrue(paths.has("/api/customers"));
        assertTrue(paths.has("/api/customers/{id}"));
        assertTrue(paths.has("/api/loyalty/accounts/{customerId}"));
        assertTrue(paths.has("/api/customers/{id}/overview"), "the gateway's own path");
        assertFalse(paths.has("/api/q/health"), "not routed, not published");
        assertEquals("get", paths.path("/api/customers/{id}").fieldNames().next());
        assertEquals("get", paths.path("/api/customers/{id}").path("get").path("operationId").asText(),
                "loyalty cannot publish under a path the gateway routes to customer-service");
    }

    @Test
    void renamesClashingComponentsAndRewritesTheirReferences() {
        ObjectNode merged = merge(new OpenApiMerger.Source(Upstream.CUSTOMER, customerDoc, true),
                new OpenApiMerger.Source(Upstream.LOYALTY, loyaltyDoc, true));
        JsonNode schemas = merged.path("components").path("schemas");
        assertEquals("customer flavour", schemas.path("customer_ProblemDetail").path("title").asText());
        assertEquals("loyalty flavour", schemas.path("loyalty_ProblemDetail").path("title").asText());
        assertFalse(schemas.has("ProblemDetail"));
        assertTrue(schemas.has("Money"), "identical definitions are shared under their own name");
        assertTrue(schemas.has("Customer") && schemas.has("Account") && schemas.has("CustomerOverview"));
        assertEquals("#/components/schemas/customer_ProblemDetail", merged.at(
                "/paths/~1api~1customers/post/responses/400/content/application~1problem+json/schema/$ref").asText());
        assertEquals("#/components/schemas/loyalty_ProblemDetail", merged.at(
                "/paths/~1api~1loyalty~1accounts~1{customerId}/get/responses/500/content/application~1problem+json/schema/$ref").asText());
        assertEquals("#/components/schemas/Money", schemas.at("/Account/properties/balance/$ref").asText());
        assertEquals("#/components/responses/Created", merged.at("/paths/~1api~1customers/post/responses/201/$ref").asText());
    }

    @Test
    void makesOperationIdsUnique() {
        ObjectNode merged = merge(new OpenApiMerger.Source(Upstream.CUSTOMER, customerDoc, true),
                new OpenApiMerger.Source(Upstream.LOYALTY, loyaltyDoc, true));
        assertEquals("get", merged.at("/paths/~1api~1customers~1{id}/get/operationId").asText());
        assertEquals("loyalty_get", merged.at("/paths/~1api~1loyalty~1accounts~1{customerId}/get/operationId").asText());
    }

    @Test
    void declaresTheGatewaySecurityAndAnnotatesOperations() {
        ObjectNode merged = merge(new OpenApiMerger.Source(Upstream.CUSTOMER, customerDoc, true));
        JsonNode schemes = merged.path("components").path("securitySchemes");
        assertEquals(2, schemes.size(), "the services' own schemes are replaced");
        assertEquals("bearer", schemes.path("bearerAuth").path("scheme").asText());
        assertEquals("X-Api-Key", schemes.path("apiKeyAuth").path("name").asText());
        assertEquals(2, merged.path("security").size());
        JsonNode create = merged.at("/paths/~1api~1customers/post");
        assertTrue(create.path("security").isMissingNode(), "operation-level service security removed");
        assertEquals("customers:write", create.at("/x-rapport-access/scopes/0").asText());
        assertEquals("crm-admin", create.at("/x-rapport-access/roles/0").asText());
        assertEquals("#/components/responses/GatewayPayloadTooLarge", create.at("/responses/413/$ref").asText());
        assertEquals("#/components/responses/GatewayTooManyRequests", create.at("/responses/429/$ref").asText());
        assertTrue(merged.at("/paths/~1api~1customers~1{id}/get/responses/413").isMissingNode(), "no body, no 413");
        assertEquals("1.2.3", merged.at("/info/version").asText());
        assertEquals(1, merged.path("tags").size(), "tags are merged by name");
    }

    @Test
    void worksWithoutAnyServiceDocument() {
        ObjectNode merged = merge(new OpenApiMerger.Source(Upstream.CUSTOMER, null, false),
                new OpenApiMerger.Source(Upstream.LOYALTY, null, false));
        assertEquals(1, merged.path("paths").size());
        assertTrue(merged.at("/info/description").asText().contains("customer-service: not reachable yet"));
    }

    @Test
    void aServiceThatWentDownKeepsItsPathsAndIsMarked() {
        ObjectNode merged = merge(new OpenApiMerger.Source(Upstream.CUSTOMER, customerDoc, false));
        assertTrue(merged.path("paths").has("/api/customers/{id}"));
        assertTrue(merged.at("/info/description").asText().contains("customer-service: not reachable, last known operations shown"));
    }

    @Test
    void everyResponseNamesTheCorsHeaderTheGatewayAnswers() throws Exception {
        ObjectNode gatewayDocument;
        try (var in = getClass().getResourceAsStream("/openapi/gateway-openapi.json")) {
            gatewayDocument = (ObjectNode) json.readTree(in);
        }
        ObjectNode merged = new OpenApiMerger(gatewayDocument).merge(List.of(
                new OpenApiMerger.Source(Upstream.CUSTOMER, customerDoc, true),
                new OpenApiMerger.Source(Upstream.LOYALTY, loyaltyDoc, true)), "1.2.3");
        JsonNode header = merged.at("/components/headers/Access-Control-Allow-Origin");
        assertEquals("string", header.at("/schema/type").asText());
        assertTrue(header.at("/schema/maxLength").isInt(), "bounded");
        List<String> responses = new java.util.ArrayList<>();
        merged.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operation.getValue().path("responses").properties().forEach(response ->
                        responses.add(path.getKey() + " " + operation.getKey() + " " + response.getKey()))));
        assertFalse(responses.isEmpty());
        for (String where : responses) {
            String[] parts = where.split(" ");
            JsonNode response = merged.path("paths").path(parts[0]).path(parts[1]).path("responses").path(parts[2]);
            String ref = response.path("$ref").asText(null);
            JsonNode resolved = ref == null ? response
                    : merged.path("components").path("responses").path(ref.substring(ref.lastIndexOf('/') + 1));
            assertFalse(resolved.isMissingNode(), where + " resolves");
            assertEquals("#/components/headers/Access-Control-Allow-Origin",
                    resolved.at("/headers/Access-Control-Allow-Origin/$ref").asText(), where);
        }
        merged.at("/components/responses").properties().forEach(response -> assertEquals(
                "#/components/headers/Access-Control-Allow-Origin",
                response.getValue().at("/headers/Access-Control-Allow-Origin/$ref").asText(), response.getKey()));
    }

    @Test
    void declaresTheGatewayAsTheServerAndTheJwtPractices() {
        ObjectNode merged = merge(new OpenApiMerger.Source(Upstream.CUSTOMER, customerDoc, true));
        assertEquals(1, merged.path("servers").size());
        JsonNode server = merged.path("servers").get(0);
        assertEquals("/", server.path("url").asText());
        assertTrue(server.path("x-internal").isBoolean());
        assertTrue(server.path("description").asText().contains("production"));
        assertTrue(merged.at("/components/securitySchemes/bearerAuth/description").asText().contains("RFC8725"));
    }

    @Test
    void theGatewaysAuthenticationAndRateLimitAnswersReplaceAServicesOwn() {
        JsonNode documented = parse("""
                {'openapi': '3.1.0', 'paths': {'/customers/{id}': {'get': {'operationId': 'get', 'responses': {
                   '401': {'$ref': '#/components/responses/Unauthorized'},
                   '404': {'description': 'no such customer'},
                   '503': {'description': 'the service itself is unavailable'}}}}},
                 'components': {'responses': {'Unauthorized': {'description': 'service flavour'}}}}""");
        ObjectNode merged = merge(new OpenApiMerger.Source(Upstream.CUSTOMER, documented, true));
        JsonNode responses = merged.at("/paths/~1api~1customers~1{id}/get/responses");
        assertEquals("#/components/responses/GatewayUnauthorized", responses.at("/401/$ref").asText());
        assertEquals("#/components/responses/GatewayForbidden", responses.at("/403/$ref").asText());
        assertEquals("#/components/responses/GatewayTooManyRequests", responses.at("/429/$ref").asText());
        assertEquals("no such customer", responses.at("/404/description").asText());
        assertEquals("the service itself is unavailable", responses.at("/503/description").asText(),
                "a service's own 5xx stays");
        assertFalse(merged.at("/components/responses").has("Unauthorized"), "nothing refers to the service's 401 any more");
    }
}
