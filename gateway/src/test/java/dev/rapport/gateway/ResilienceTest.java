package dev.rapport.gateway;

import static dev.rapport.gateway.TestCallers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Down, slow, failing and flaky upstreams: 503/504/502 problems, retries, the circuit breaker. */
@QuarkusTest
class ResilienceTest {

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void aDownUpstreamAnswers503ProblemAndItsBreakerOpens() {
        // loyalty-service's port has no listener: connection refused, no hanging.
        as("crm-admin").get("/api/loyalty/accounts/" + UUID.randomUUID())
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/upstream-unavailable"))
                .body("upstream", equalTo("loyalty"))
                .body("detail", containsString("loyalty-service is unavailable"));

        // The test breaker opens after 4 failures in a window of 4; from then on the gateway
        // answers at once, without trying to connect, and says when to retry.
        Response open = null;
        for (int i = 0; i < 8 && open == null; i++) {
            Response response = as("crm-admin").get("/api/loyalty/accounts/" + UUID.randomUUID());
            assertEquals(503, response.statusCode());
            if (response.jsonPath().getString("detail").contains("circuit open")) {
                open = response;
            }
        }
        assertTrue(open != null, "the loyalty breaker should open after repeated connection failures");
        assertTrue(Long.parseLong(open.header("Retry-After")) > 0, "an open breaker tells when to retry");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("rapport_gateway_circuit_open{upstream=\"loyalty\"} 1.0"));
    }

    @Test
    void aSlowUpstreamAnswers504WithinTheRouteTimeout() {
        // /api/feedback has a 1.5 s timeout in the test profile; the stub never answers.
        as("crm-admin").get("/api/feedback/slow")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/upstream-timeout"))
                .body("upstream", equalTo("feedback"));
    }

    @Test
    void aHangingUpstreamDoesNotHoldUpRoutesToOtherServices() throws Exception {
        String hold = "hold-" + UUID.randomUUID();
        String token = TestCallers.token("parallel-user", "crm-admin");
        CompletableFuture<HttpResponse<String>> waiting = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(gateway.resolve("/api/surveys/hold/" + hold)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        // The stub holds that request until released; meanwhile the other services answer normally.
        TestCallers.eventually("the held request reaches the stub", () -> isHeld(hold));
        as("crm-admin").get("/api/customers?limit=1").then().statusCode(200);
        as("crm-admin").get("/api/segments/customers/" + UUID.randomUUID()).then().statusCode(200);
        as("crm-admin").get("/api/loyalty/accounts/" + UUID.randomUUID()).then().statusCode(503);
        assertFalse(waiting.isDone(), "the held request is still waiting for feedback-service");
        assertEquals(204, TestCallers.stubPost("feedback", "/stub/release/" + hold));
        HttpResponse<String> released = waiting.get();
        assertEquals(200, released.statusCode());
        assertTrue(released.body().contains("released"));
    }

    private static boolean isHeld(String hold) {
        return TestCallers.stubGet("feedback", "/stub/held/" + hold).contains("true");
    }

    @Test
    void anIdempotentRequestIsRetriedWhenTheUpstreamDroppedTheConnection() {
        String token = "get-" + UUID.randomUUID();
        as("crm-admin").get("/api/feedback/flaky/" + token)
                .then().statusCode(200)
                .body("attempt", equalTo(2));
        assertEquals(2, stubHits(token));
    }

    @Test
    void aPostIsNotRetriedAndAnswers502() {
        String token = "post-" + UUID.randomUUID();
        as("crm-admin").contentType("application/json").body("{\"score\":9}")
                .post("/api/feedback/flaky/" + token)
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/bad-gateway"));
        assertEquals(1, stubHits(token), "a POST must reach the upstream once only");
    }

    @Test
    void anUpstream5xxIsPassedThroughAsIs() {
        as("crm-admin").get("/api/feedback/error")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("detail", equalTo("from the stub"));
    }

    private static int stubHits(String token) {
        return io.restassured.path.json.JsonPath.from(TestCallers.stubGet("feedback", "/stub/hits/" + token)).getInt("hits");
    }
}
