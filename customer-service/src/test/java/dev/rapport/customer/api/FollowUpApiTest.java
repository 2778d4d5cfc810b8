package dev.rapport.customer.api;

import static dev.rapport.customer.api.TestData.createCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** The test profile uses the default follow-up zone, UTC. Each test uses its own owner: lists span all customers. */
@QuarkusTest
class FollowUpApiTest {

    private static Map<String, Object> followUp(String title, String owner) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("owner", owner);
        return body;
    }

    private static Map<String, Object> dueAt(String title, String owner, Instant dueAt) {
        Map<String, Object> body = followUp(title, owner);
        body.put("dueAt", dueAt.toString());
        return body;
    }

    private static Map<String, Object> dueDate(String title, String owner, LocalDate dueDate) {
        Map<String, Object> body = followUp(title, owner);
        body.put("dueDate", dueDate.toString());
        return body;
    }

    private static ValidatableResponse create(String customerId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/customers/{id}/follow-ups", customerId).then();
    }

    private static String createId(String customerId, Map<String, Object> body) {
        return create(customerId, body).statusCode(201).extract().path("id");
    }

    private static ValidatableResponse list(Map<String, ?> query) {
        return given().queryParams(query).when().get("/follow-ups").then();
    }

    private static ValidatableResponse action(String id, String action) {
        return given().when().post("/follow-ups/{id}/" + action, id).then();
    }

    private static String owner() {
        return "owner-" + UUID.randomUUID();
    }

    @Test
    void opensAFollowUpLinkedToAnInteraction() {
        String customerId = createCustomer();
        String interactionId = InteractionApiTest.post(customerId,
                InteractionApiTest.interaction("Asked about delivery", null), null).statusCode(201).extract().path("id");
        Map<String, Object> body = dueAt("Call back", "j.smith", Instant.parse("2030-05-06T09:00:00Z"));
        body.put("note", "prefers mornings");
        body.put("interactionId", interactionId);

        ExtractableResponse<Response> created = create(customerId, body).statusCode(201)
                .body("id", notNullValue())
                .body("customerId", equalTo(customerId))
                .body("title", equalTo("Call back"))
                .body("dueAt", equalTo("2030-05-06T09:00:00Z"))
                .body("owner", equalTo("j.smith"))
                .body("note", equalTo("prefers mornings"))
                .body("interactionId", equalTo(interactionId))
                .body("status", equalTo("open"))
                .body("overdue", equalTo(false))
                .body("closedAt", nullValue())
                .extract();
        assertThat(created.header("Location")).endsWith("/follow-ups/" + created.path("id"));

        given().when().get(created.header("Location")).then().statusCode(200)
                .body("id", equalTo(created.path("id")));
    }

    @Test
    void aDueDateMeansTheEndOfThatDayInTheConfiguredZone() {
        String customerId = createCustomer();
        create(customerId, dueDate("Send catalogue", "j.smith", LocalDate.parse("2030-01-15"))).statusCode(201)
                .body("dueAt", equalTo("2030-01-15T23:59:59.999999Z"));
    }

    @Test
    void listsByDueWindowOwnerAndStatusOrderedByDueTime() {
        String owner = owner();
        String customerId = createCustomer();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String overdue = createId(customerId, dueAt("overdue", owner, Instant.now().minusSeconds(86_400 * 2)));
        String dueToday = createId(customerId, dueDate("today", owner, today));
        String inThreeDays = createId(customerId, dueDate("in three days", owner, today.plusDays(3)));
        String later = createId(customerId, dueDate("later", owner, today.plusDays(30)));
        createId(createCustomer(), dueDate("someone else's", owner(), today));

        list(Map.of("owner", owner)).statusCode(200)
                .body("items.id", contains(overdue, dueToday, inThreeDays, later))
                .body("items.overdue", contains(true, false, false, false));
        list(Map.of("owner", owner, "due", "overdue")).body("items.id", contains(overdue));
        list(Map.of("owner", owner, "due", "today")).body("items.id", contains(dueToday));
        list(Map.of("owner", owner, "due", "week")).body("items.id", contains(dueToday, inThreeDays));

        action(dueToday, "complete").statusCode(200);
        list(Map.of("owner", owner, "due", "today")).body("items", hasSize(0));
        list(Map.of("owner", owner, "due", "today", "status", "done")).body("items.id", contains(dueToday));
        action(later, "cancel").statusCode(200);
        list(Map.of("owner", owner, "status", "cancelled")).body("items.id", contains(later));
        list(Map.of("owner", owner)).body("items.id", contains(overdue, inThreeDays));

        given().queryParam("status", "done").when().get("/customers/{id}/follow-ups", customerId)
                .then().statusCode(200).body("items.id", contains(dueToday));
    }

    @Test
    void pagesByDueTime() {
        String owner = owner();
        String customerId = createCustomer();
        String first = createId(customerId, dueAt("1", owner, Instant.parse("2030-01-01T09:00:00Z")));
        String second = createId(customerId, dueAt("2", owner, Instant.parse("2030-01-01T09:00:00Z")));
        String third = createId(customerId, dueAt("3", owner, Instant.parse("2030-01-02T09:00:00Z")));
        String[] sameTime = first.compareTo(second) < 0 ? new String[] { first, second } : new String[] { second, first };

        String cursor = list(Map.of("owner", owner, "limit", 2)).statusCode(200)
                .body("items.id", contains(sameTime[0], sameTime[1]))
                .extract().path("nextCursor");
        list(Map.of("owner", owner, "limit", 2, "cursor", cursor))
                .body("items.id", contains(third))
                .body("nextCursor", nullValue());

        String interactionsCursor = given().queryParam("limit", 1).when()
                .get("/customers/{id}/follow-ups", customerId).then().extract().path("nextCursor");
        given().queryParam("cursor", interactionsCursor).when().get("/customers/{id}/interactions", customerId)
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void completeAndCancelAreIdempotentButDoNotSwitchEndings() {
        String customerId = createCustomer();
        String done = createId(customerId, dueAt("call", "j.smith", Instant.parse("2030-01-01T09:00:00Z")));

        String closedAt = action(done, "complete").statusCode(200)
                .body("status", equalTo("done"))
                .body("closedAt", notNullValue())
                .extract().path("closedAt");
        action(done, "complete").statusCode(200).body("status", equalTo("done")).body("closedAt", equalTo(closedAt));
        action(done, "cancel").statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/follow-up-state-conflict"))
                .body("currentStatus", equalTo("done"));

        String cancelled = createId(customerId, dueAt("call", "j.smith", Instant.parse("2030-01-01T09:00:00Z")));
        action(cancelled, "cancel").statusCode(200).body("status", equalTo("cancelled"));
        action(cancelled, "cancel").statusCode(200).body("status", equalTo("cancelled"));
        action(cancelled, "complete").statusCode(409).body("currentStatus", equalTo("cancelled"));
        given().when().get("/follow-ups/{id}", cancelled).then().body("status", equalTo("cancelled"));
    }

    @Test
    void unknownFollowUpIs404() {
        String unknown = UUID.randomUUID().toString();
        action(unknown, "complete").statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Follow-up not found"));
        action(unknown, "cancel").statusCode(404);
        action("not-a-uuid", "complete").statusCode(404);
        given().when().get("/follow-ups/{id}", unknown).then().statusCode(404);
    }

    @Test
    void badInputIsAProblemWithFieldErrorsAndNothingIsStored() {
        String customerId = createCustomer();
        Map<String, Object> bad = followUp("t".repeat(201), " ");
        bad.put("note", "n".repeat(2001));
        create(customerId, bad).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("title", "dueAt", "owner", "note"))
                .body("errors[0].message", equalTo("must be at most 200 characters"));

        Map<String, Object> both = dueAt("call", "j.smith", Instant.parse("2030-01-01T09:00:00Z"));
        both.put("dueDate", "2030-01-01");
        create(customerId, both).statusCode(400).body("errors.field", contains("dueDate"));

        Map<String, Object> foreign = dueAt("call", "j.smith", Instant.parse("2030-01-01T09:00:00Z"));
        foreign.put("interactionId", InteractionApiTest.post(createCustomer(),
                InteractionApiTest.interaction("x", null), null).extract().path("id"));
        create(customerId, foreign).statusCode(400)
                .body("errors[0].field", equalTo("interactionId"));

        Map<String, Object> malformedDate = followUp("call", "j.smith");
        malformedDate.put("dueDate", "tomorrow");
        create(customerId, malformedDate).statusCode(400).contentType("application/problem+json");

        given().when().get("/customers/{id}/follow-ups", customerId).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void unknownQueryValuesAre400() {
        list(Map.of("due", "tomorrow")).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("due"))
                .body("errors[0].message", equalTo("must be one of [overdue, today, week]"));
        list(Map.of("status", "closed")).statusCode(400).body("errors[0].field", equalTo("status"));
        list(Map.of("due", "overdue", "status", "done")).statusCode(400).body("errors[0].field", equalTo("due"));
        list(Map.of("owner", "o".repeat(101))).statusCode(400).body("errors[0].field", equalTo("owner"));
    }

    @Test
    void unknownCustomerIs404() {
        String unknown = UUID.randomUUID().toString();
        create(unknown, dueAt("call", "j.smith", Instant.parse("2030-01-01T09:00:00Z"))).statusCode(404)
                .body("title", equalTo("Customer not found"));
        given().when().get("/customers/{id}/follow-ups", unknown).then().statusCode(404);
    }
}
