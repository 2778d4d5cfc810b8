package dev.rapport.gateway;

import static dev.rapport.gateway.TestCallers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Security headers on every response, CORS for the configured origins only. */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        expectSecurityHeaders(given().get("/q/health/live").then().statusCode(200))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        expectSecurityHeaders(given().get("/api/customers").then().statusCode(401));
        expectSecurityHeaders(as("crm-admin").get("/api/customers?limit=1").then().statusCode(200))
                .header("Content-Security-Policy", notNullValue());
        expectSecurityHeaders(as("crm-admin").get("/api/loyalty/accounts/1").then().statusCode(503));
    }

    @Test
    void swaggerUiHasNoContentSecurityPolicyButTheOtherHeaders() {
        expectSecurityHeaders(given().get("/q/swagger-ui/").then().statusCode(200))
                .header("Content-Security-Policy", nullValue());
    }

    @Test
    void corsAllowsConfiguredOriginsOnly() {
        given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type")
                .options("/api/customers")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:3000"))
                .header("Access-Control-Allow-Methods", containsString("POST"));
        as("crm-admin").header("Origin", "http://localhost:3000").get("/api/customers?limit=1")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:3000"))
                .header("Access-Control-Expose-Headers", containsString("RateLimit-Remaining"));
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/customers")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    private static ValidatableResponse expectSecurityHeaders(ValidatableResponse response) {
        return response
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Strict-Transport-Security", containsString("max-age="))
                .header("X-Request-Id", notNullValue());
    }
}
