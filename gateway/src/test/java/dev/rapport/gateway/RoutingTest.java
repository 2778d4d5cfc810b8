package dev.rapport.gateway;

import java.time.Duration;
import java.time.Instant;

import dev.rapport.http.identity.CallerIdentity;
import dev.rapport.http.identity.IdentityKeys;
import dev.rapport.http.identity.IdentityTokens;

import static dev.rapport.gateway.TestCallers.as;
import static dev.rapport.gateway.TestCallers.createCustomer;
import static dev.rapport.gateway.TestCallers.presetKey;
import static dev.rapport.gateway.TestCallers.withKey;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Routing to the real customer-service and header handling (seen by the echo stub). */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class RoutingTest {

    @Test
    void createsAndReadsACustomerInTheRealCustomerServiceThroughTheGateway() {
        String email = "route-" + System.nanoTime() + "@example.com";
        Response created = withKey("writer")
                .contentType(ContentType.JSON)
                .body("{\"firstName\":\"Grace\",\"lastName\":\"Hopper\",\"email\":\"" + email + "\",\"acquisitionChannel\":\"email\"}")
                .post("/api/customers");
        created.then().statusCode(201)
                .header("ETag", notNullValue())
                .body("email", equalTo(email));
        String id = created.path("id");
        // The service builds Location from the Host it saw; the gateway points it back at itself.
        created.then().header("Location", endsWith("/api/customers/" + id))
                .header("Location", not(containsString(TestCallers.stubUrl("customer"))));

        as("crm-agent").get("/api/customers/" + id)
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("ETag", notNullValue())
                .body("id", equalTo(id))
                .body("firstName", equalTo("Grace"));
    }

    @Test
    void passesTheServicesOwnErrorsThroughUnchanged() {
        as("crm-admin").get("/api/customers/" + java.util.UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));

        as("crm-admin").contentType(ContentType.JSON).body("{\"email\":\"not-an-email\"}")
                .post("/api/customers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("email"));
    }

    @Test
    void passesQueryStringsAndConditionalHeaders() {
        String id = createCustomer();
        String etag = as("crm-admin").get("/api/customers/" + id).then().statusCode(200).extract().header("ETag");
        as("crm-admin").header("If-None-Match", etag).get("/api/customers/" + id)
                .then().statusCode(304);

        as("crm-admin").queryParam("limit", 1).get("/api/customers")
                .then().statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void setsForwardedHeadersAndStripsHopByHopAndCredentialHeaders() {
        Response echoed = withKey("feedback-partner")
                .header("Connection", "X-Private-Hop")
                .header("X-Private-Hop", "secret")
                .header("X-Rapport-Principal", "apikey:someone-else")
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Custom", "kept")
                .queryParam("q", "ada")
                .get("/api/feedback/echo");
        echoed.then().statusCode(200)
                .body("path", equalTo("/feedback/echo"))
                .body("query", equalTo("q=ada"))
                .body("headers.x-custom", equalTo("kept"))
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-host", containsString("localhost"))
                .body("headers.x-forwarded-prefix", equalTo("/api"))
                .body("headers.x-rapport-principal", nullValue())
                .body("headers.x-private-hop", nullValue())
                .body("headers.x-api-key", nullValue());
        assertEquals(null, echoed.jsonPath().getString("headers.x-api-key"), "the partner's key must not reach upstreams");
        // The upstream learns the caller from the gateway's signed token, and only from it.
        String authorization = echoed.jsonPath().getString("headers.authorization");
        CallerIdentity caller = IdentityTokens.verify(authorization.substring("Bearer ".length()),
                IdentityKeys.publicKey("file:" + GatewayTestResource.identityPublicKey(TestCallers.keyDirectory())),
                "rapport-gateway", "rapport-services", Instant.now(), Duration.ofSeconds(5));
        assertEquals("apikey:feedback-partner", caller.principal());
        assertEquals(java.util.Set.of("feedback:read", "feedback:write"), caller.scopes());
        // Sanity: the key really was sent to the gateway.
        assertEquals(false, presetKey("feedback-partner").isEmpty());
    }

    @Test
    void acceptsOrGeneratesTheRequestIdAndPassesItUpstream() {
        withKey("feedback-partner").header("X-Request-Id", "order-4711.retry-2")
                .get("/api/feedback/echo")
                .then().statusCode(200)
                .header("X-Request-Id", equalTo("order-4711.retry-2"))
                .body("headers.x-request-id", equalTo("order-4711.retry-2"));

        Response generated = withKey("feedback-partner").get("/api/feedback/echo");
        String id = generated.header("X-Request-Id");
        generated.then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"))
                .body("headers.x-request-id", equalTo(id));

        // An id that would pollute logs or headers is replaced, not echoed.
        withKey("feedback-partner").header("X-Request-Id", "bad id with spaces")
                .get("/api/feedback/echo")
                .then().statusCode(200)
                .header("X-Request-Id", not(equalTo("bad id with spaces")))
                .header("X-Request-Id", not(emptyOrNullString()));
    }

    @Test
    void streamsChunkedResponses() {
        withKey("feedback-partner").get("/api/feedback/stream")
                .then().statusCode(200)
                .body(equalTo("chunk-1\nchunk-2\nchunk-3\nchunk-4\nchunk-5\n"));
    }

    @Test
    void streamsALargeResponseOfKnownLengthIntact() {
        int size = 1024 * 1024 + 7;
        byte[] body = withKey("feedback-partner").get("/api/feedback/large/" + size)
                .then().statusCode(200)
                .header("Content-Length", String.valueOf(size))
                .extract().asByteArray();
        assertEquals(size, body.length);
        for (int i = 0; i < size; i++) {
            if (body[i] != (byte) ('a' + i % 26)) {
                throw new AssertionError("byte " + i + " differs");
            }
        }
    }

    @Test
    void headRequestsGetTheHeadWithoutABody() {
        Response head = withKey("feedback-partner").head("/api/feedback/echo");
        head.then().statusCode(200).header("X-Request-Id", not(emptyOrNullString()));
        assertEquals(0, head.asByteArray().length);
    }

    @Test
    void anHttp10ClientGetsAChunkedUpstreamResponseWholeWithItsLength() throws Exception {
        java.net.URI gateway = java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port);
        try (java.net.Socket socket = new java.net.Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/feedback/stream HTTP/1.0\r\nHost: localhost\r\nX-Api-Key: "
                    + presetKey("feedback-partner") + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            assertEquals(true, head.startsWith("http/1.0 200"), head);
            assertEquals(false, head.contains("transfer-encoding"), head);
            assertEquals(true, head.contains("content-length: " + body.length()), head);
            assertEquals("chunk-1\nchunk-2\nchunk-3\nchunk-4\nchunk-5\n", body);
        }
    }

    @Test
    void anUpstreamProblemNamesThePathTheCallerUsed() {
        String id = java.util.UUID.randomUUID().toString();
        as("crm-admin").get("/api/customers/" + id)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("instance", equalTo("/api/customers/" + id));
    }

    @Test
    void unknownApiPathIsAProblem404() {
        as("crm-admin").get("/api/nothing-here/1")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/not-found"))
                .body("instance", equalTo("/api/nothing-here/1"));
        // A prefix that only looks like a route is not routed either.
        as("crm-admin").get("/api/customersX")
                .then().statusCode(404);
    }
}
