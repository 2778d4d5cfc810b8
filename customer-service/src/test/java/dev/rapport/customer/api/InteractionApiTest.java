package dev.rapport.customer.api;

import static dev.rapport.customer.api.TestData.createCustomer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class InteractionApiTest {

    static Map<String, Object> interaction(String summary, String occurredAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "phone");
        body.put("direction", "inbound");
        body.put("summary", summary);
        body.put("agent", "j.smith");
        if (occurredAt != null) {
            body.put("occurredAt", occurredAt);
        }
        return body;
    }

    static ValidatableResponse post(String customerId, Map<String, Object> body, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post("/customers/{id}/interactions", customerId).then();
    }

    private static ValidatableResponse list(String customerId) {
        return given().when().get("/customers/{id}/interactions", customerId).then();
    }

    @Test
    void logsAnInteractionAndListsThemNewestFirst() {
        String customerId = createCustomer();

        post(customerId, interaction("Asked about delivery", "2024-05-03T10:15:00Z"), null)
                .statusCode(201)
                .body("id", notNullValue())
                .body("customerId", equalTo(customerId))
                .body("channel", equalTo("phone"))
                .body("direction", equalTo("inbound"))
                .body("summary", equalTo("Asked about delivery"))
                .body("occurredAt", equalTo("2024-05-03T10:15:00Z"))
                .body("agent", equalTo("j.smith"))
                .body("recordedAt", notNullValue());
        Map<String, Object> email = interaction("Sent the invoice again", "2024-05-04T09:00:00Z");
        email.put("channel", "email");
        email.put("direction", "outbound");
        post(customerId, email, null).statusCode(201);
        post(customerId, interaction("Met at the fair", "2024-05-01T12:00:00Z"), null).statusCode(201);

        list(customerId).statusCode(200)
                .body("items.occurredAt", contains("2024-05-04T09:00:00Z", "2024-05-03T10:15:00Z", "2024-05-01T12:00:00Z"))
                .body("items[0].direction", equalTo("outbound"))
                .body("nextCursor", nullValue());
    }

    @Test
    void pagesWithACursorWithoutSkippingOrRepeating() {
        String customerId = createCustomer();
        for (int day = 1; day <= 3; day++) {
            post(customerId, interaction("call " + day, "2024-05-0" + day + "T10:00:00Z"), null).statusCode(201);
        }
        String cursor = given().queryParam("limit", 2).when().get("/customers/{id}/interactions", customerId)
                .then().statusCode(200)
                .body("items.summary", contains("call 3", "call 2"))
                .body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get("/customers/{id}/interactions", customerId)
                .then().statusCode(200)
                .body("items.summary", contains("call 1"))
                .body("nextCursor", nullValue());

        given().queryParam("limit", 0).when().get("/customers/{id}/interactions", customerId)
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("cursor", "bm90LWEtY3Vyc29y").when().get("/customers/{id}/interactions", customerId)
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameInteraction() {
        String customerId = createCustomer();
        String key = "call-" + UUID.randomUUID();

        String id = post(customerId, interaction("Asked about delivery", null), key).statusCode(201)
                .extract().path("id");
        post(customerId, interaction("Asked about delivery", null), key).statusCode(200)
                .body("id", equalTo(id));
        post(customerId, interaction("Something else entirely", null), key).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/idempotency-key-conflict"))
                .body("existingInteractionId", equalTo(id));

        String other = createCustomer();
        post(other, interaction("Asked about delivery", null), key).statusCode(201)
                .body("customerId", equalTo(other));
        list(customerId).body("items", hasSize(1));
    }

    @Test
    void badInputIsAProblemWithFieldErrorsAndNothingIsStored() {
        String customerId = createCustomer();
        Map<String, Object> bad = interaction("s".repeat(2001), Instant.now().plusSeconds(3600).toString());
        bad.put("channel", "pigeon");
        bad.put("direction", "sideways");
        bad.put("agent", "a".repeat(101));

        post(customerId, bad, "has spaces").statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("channel", "direction", "summary", "occurredAt", "agent", "Idempotency-Key"))
                .body("errors[0].message", equalTo("must be one of [phone, email, sms, meeting, chat, social, other]"))
                .body("errors[2].message", equalTo("must be at most 2000 characters"))
                .body("errors[3].message", equalTo("must not be in the future"));

        Map<String, Object> missing = new HashMap<>(Map.of("channel", "chat", "direction", "inbound"));
        post(customerId, missing, null).statusCode(400).body("errors.field", contains("summary", "agent"));
        given().contentType(ContentType.JSON).body("{\"channel\": \"chat\",")
                .when().post("/customers/{id}/interactions", customerId)
                .then().statusCode(400).contentType("application/problem+json");

        list(customerId).body("items", hasSize(0));
    }

    @Test
    void unknownCustomerIs404() {
        String unknown = UUID.randomUUID().toString();
        post(unknown, interaction("hello", null), null).statusCode(404)
                .contentType("application/problem+json").body("title", equalTo("Customer not found"));
        post(unknown, interaction("hello", null), "k1").statusCode(404);
        list(unknown).statusCode(404);
    }
}
