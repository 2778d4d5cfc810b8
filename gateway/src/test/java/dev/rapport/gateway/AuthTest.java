package dev.rapport.gateway;

import static dev.rapport.gateway.TestCallers.as;
import static dev.rapport.gateway.TestCallers.createCustomer;
import static dev.rapport.gateway.TestCallers.token;
import static dev.rapport.gateway.TestCallers.withKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** 401 without or with bad credentials, 403 with the wrong role or scope, public endpoints. */
@QuarkusTest
class AuthTest {

    private static final String NEW_CUSTOMER = "{\"firstName\":\"Alan\",\"email\":\"%s@example.com\",\"acquisitionChannel\":\"email\"}";

    @Test
    void noCredentialsIs401ProblemWithBothChallenges() {
        given().get("/api/customers")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", notNullValue())
                .body("type", equalTo("https://rapport.dev/problems/unauthorized"))
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401))
                .body("detail", containsString("credentials are required"))
                .body("instance", equalTo("/api/customers"))
                .body("requestId", notNullValue());
        io.restassured.response.Response response = given().get("/api/customers");
        org.hamcrest.MatcherAssert.assertThat(response.headers().getValues("WWW-Authenticate"),
                hasItems("Bearer realm=\"rapport\"", "ApiKey realm=\"rapport\", header=\"X-Api-Key\""));
    }

    @Test
    void aBearerTokenThatIsNotValidIs401() {
        String good = token("mallory", "crm-admin");
        String tampered = good.substring(0, good.length() - 4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().header("Authorization", "Bearer " + tampered).get("/api/customers")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("invalid_token"));

        String expired = token("mallory", TestCallers.ISSUER, Instant.now().minusSeconds(3600), "crm-admin");
        given().header("Authorization", "Bearer " + expired).get("/api/customers")
                .then().statusCode(401).contentType("application/problem+json");

        String otherIssuer = token("mallory", "https://evil.example", Instant.now().plusSeconds(600), "crm-admin");
        given().header("Authorization", "Bearer " + otherIssuer).get("/api/customers")
                .then().statusCode(401).contentType("application/problem+json");

        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/customers")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenThatExpiredThirtySecondsAgoIs401() {
        // The clock skew tolerated is 5 s (mp.jwt.verify.clock.skew), not MicroProfile's default of 60 s.
        Instant now = Instant.now();
        String recentlyExpired = token("mallory", TestCallers.ISSUER, now.minusSeconds(330), now.minusSeconds(30), "crm-admin");
        given().header("Authorization", "Bearer " + recentlyExpired).get("/api/customers")
                .then().statusCode(401).contentType("application/problem+json");
        String valid = token("alice", TestCallers.ISSUER, now.minusSeconds(330), now.plusSeconds(300), "crm-admin");
        given().header("Authorization", "Bearer " + valid).get("/api/customers?limit=1").then().statusCode(200);
    }

    @Test
    void anUnknownApiKeyIs401() {
        given().header("X-Api-Key", "rk_not-a-key-anyone-was-given").get("/api/customers")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("invalid_key"))
                .body("detail", containsString("API key"));
    }

    @Test
    void aTokenFromTheDevKeysToolIsAccepted() {
        String devToken = GatewayTestResource.runDevKeys(TestCallers.keyDirectory(), "token", "--role", "crm-agent",
                "--subject", "tool-user", "--ttl", "5");
        given().header("Authorization", "Bearer " + devToken).get("/api/customers?limit=1")
                .then().statusCode(200);
    }

    @Test
    void rolesDecideWhatFrontendUsersMayDo() {
        String id = createCustomer();
        as("crm-agent").get("/api/customers/" + id).then().statusCode(200);
        as("crm-agent").contentType(ContentType.JSON).body(String.format(NEW_CUSTOMER, "agent-" + System.nanoTime()))
                .post("/api/customers")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/forbidden"))
                .body("detail", containsString("crm-admin"));
        as("crm-analyst").get("/api/customers/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        as("crm-analyst").get("/api/segments/customers/" + id)
                .then().statusCode(200).body("abc", equalTo("A"));
        as("crm-analyst").contentType(ContentType.JSON).body("{}").post("/api/segments/recompute")
                .then().statusCode(403);
        as("crm-agent").contentType(ContentType.JSON).body("{}").post("/api/complaints/echo")
                .then().statusCode(200);
        // A user without any CRM role gets nothing.
        as("someone").get("/api/customers/" + id).then().statusCode(403);
    }

    @Test
    void scopesDecideWhatPartnersMayDo() {
        withKey("reader").get("/api/customers?limit=1").then().statusCode(200);
        withKey("reader").contentType(ContentType.JSON).body(String.format(NEW_CUSTOMER, "reader-" + System.nanoTime()))
                .post("/api/customers")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("customers:write"));
        withKey("writer").contentType(ContentType.JSON).body(String.format(NEW_CUSTOMER, "writer-" + System.nanoTime()))
                .post("/api/customers")
                .then().statusCode(201);
        // customers:read does not reach the feedback routes.
        withKey("reader").get("/api/feedback/echo").then().statusCode(403);
        withKey("feedback-partner").get("/api/feedback/echo").then().statusCode(200);
        withKey("feedback-partner").get("/api/customers").then().statusCode(403);
    }

    @Test
    void purchasesNeedThePurchasesScope() {
        String id = createCustomer();
        String purchase = "{\"orderId\":\"ord-" + System.nanoTime() + "\",\"occurredAt\":\"2024-05-01T10:00:00Z\","
                + "\"currency\":\"EUR\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1,\"unitPrice\":\"10.00\"}]}";
        withKey("reader").contentType(ContentType.JSON).body(purchase)
                .post("/api/customers/" + id + "/purchases")
                .then().statusCode(403)
                .body("detail", containsString("purchases:write"));
        // The writer key has purchases:write: the gateway lets it through (the service decides the rest).
        int status = withKey("writer").contentType(ContentType.JSON).body(purchase)
                .post("/api/customers/" + id + "/purchases")
                .then().extract().statusCode();
        org.junit.jupiter.api.Assertions.assertNotEquals(403, status);
        org.junit.jupiter.api.Assertions.assertNotEquals(401, status);
    }

    @Test
    void healthOpenApiAndSwaggerUiArePublic() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("rapport_gateway_upstream_requests"));
    }

    @Test
    void readinessStaysUpWhileAnUpstreamIsDown() {
        // loyalty-service is down for the whole test run; the gateway must still take traffic.
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("upstreams"))
                .body("checks.find { it.name == 'upstreams' }.data.loyalty", containsString("http://127.0.0.1:"));
    }
}
