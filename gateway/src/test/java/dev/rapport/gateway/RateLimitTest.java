package dev.rapport.gateway;

import static dev.rapport.gateway.TestCallers.as;
import static dev.rapport.gateway.TestCallers.withKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Token buckets per client. The "trickle" key's class (test config) allows 3 requests at once and
 * then one per 100 s, so the fourth request is refused however slow the machine is.
 */
@QuarkusTest
class RateLimitTest {

    @Test
    void aClientOverItsBurstGets429WithRetryAfterAndRateLimitHeaders() {
        for (int expectedRemaining = 2; expectedRemaining >= 0; expectedRemaining--) {
            withKey("trickle").get("/api/customers?limit=1")
                    .then().statusCode(200)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", String.valueOf(expectedRemaining))
                    .header("RateLimit-Reset", notNullValue());
        }
        Response refused = withKey("trickle").get("/api/customers?limit=1");
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/rate-limited"))
                .body("status", equalTo(429))
                .body("detail", containsString("trickle"))
                .header("RateLimit-Limit", "3")
                .header("RateLimit-Remaining", "0");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 100, "Retry-After is the wait for one token: " + retryAfter);
        long reset = Long.parseLong(refused.header("RateLimit-Reset"));
        assertTrue(reset >= retryAfter, "the bucket is full again only after the next token: " + reset);
    }

    @Test
    void bucketsAreKeptPerClient() {
        // Another client is not affected by the trickle key's empty bucket.
        withKey("reader").get("/api/customers?limit=1").then().statusCode(200)
                .header("RateLimit-Limit", "1000");
        as("crm-admin").get("/api/customers?limit=1").then().statusCode(200)
                .header("RateLimit-Limit", "1000");
    }

    @Test
    void everyApiResponseCarriesTheHeadersEvenErrors() {
        Response unauthenticated = given().get("/api/customers");
        assertEquals(401, unauthenticated.statusCode());
        assertTrue(unauthenticated.header("RateLimit-Limit") != null, "401 has RateLimit-Limit");
        assertTrue(unauthenticated.header("RateLimit-Remaining") != null, "401 has RateLimit-Remaining");
        assertTrue(unauthenticated.header("RateLimit-Reset") != null, "401 has RateLimit-Reset");

        as("crm-analyst").get("/api/customers").then().statusCode(403)
                .header("RateLimit-Limit", notNullValue())
                .header("RateLimit-Remaining", notNullValue())
                .header("RateLimit-Reset", notNullValue());
        as("crm-admin").get("/api/loyalty/accounts/x").then().statusCode(503)
                .header("RateLimit-Remaining", notNullValue());
    }
}
