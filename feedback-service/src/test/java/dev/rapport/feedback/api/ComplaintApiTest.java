package dev.rapport.feedback.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.Topics;
import dev.rapport.events.feedback.ComplaintFirstResponse;
import dev.rapport.events.feedback.ComplaintOpened;
import dev.rapport.events.feedback.ComplaintReopened;
import dev.rapport.events.feedback.ComplaintResolved;
import dev.rapport.testing.EventTopic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class ComplaintApiTest {

    static Map<String, Object> complaint(UUID customerId, String category, String priority) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customerId.toString());
        body.put("channel", "phone");
        body.put("category", category);
        if (priority != null) {
            body.put("priority", priority);
        }
        body.put("subject", "Charged twice");
        body.put("description", "My card was charged twice for order 42.");
        return body;
    }

    static ValidatableResponse open(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/complaints").then();
    }

    static ValidatableResponse move(String id, String status) {
        return given().contentType(ContentType.JSON).body(Map.of("status", status, "note", "step " + status))
                .when().post("/complaints/{id}/transitions", id).then();
    }

    @Test
    void opensWithDeadlinesAndWalksTheLifeCycleWithEvents() {
        UUID customer = UUID.randomUUID();
        try (EventTopic topic = EventTopic.subscribe(Topics.FEEDBACK_EVENTS)) {
            var created = open(complaint(customer, "billing", "high")).statusCode(201)
                    .body("status", equalTo("new"))
                    .body("priority", equalTo("high"))
                    .body("firstResponseBreached", equalTo(false))
                    .body("history", hasSize(1))
                    .extract();
            String id = created.path("id");
            Instant openedAt = Instant.parse(created.path("openedAt"));
            assertThat(Instant.parse(created.<String>path("firstResponseDueAt"))).isEqualTo(openedAt.plus(Duration.ofHours(24)));
            assertThat(Instant.parse(created.<String>path("resolutionDueAt"))).isEqualTo(openedAt.plus(Duration.ofHours(24)));

            move(id, "resolved").statusCode(409).contentType("application/problem+json")
                    .body("currentStatus", equalTo("new"));
            move(id, "acknowledged").statusCode(200).body("firstRespondedAt", notNullValue());
            move(id, "in-progress").statusCode(200);
            move(id, "waiting-on-customer").statusCode(200).body("pausedSince", notNullValue());
            move(id, "in-progress").statusCode(200).body("pausedSince", nullValue());
            move(id, "resolved").statusCode(200).body("resolvedAt", notNullValue());
            move(id, "in-progress").statusCode(200).body("resolvedAt", nullValue());
            move(id, "resolved").statusCode(200);
            move(id, "closed").statusCode(200);
            move(id, "in-progress").statusCode(409);

            given().when().get("/complaints/{id}", id).then().statusCode(200)
                    .body("status", equalTo("closed"))
                    .body("history.to", equalTo(List.of("new", "acknowledged", "in-progress", "waiting-on-customer",
                            "in-progress", "resolved", "in-progress", "resolved", "closed")))
                    .body("history[1].note", equalTo("step acknowledged"));

            List<CloudEvent> events = topic.await(customer.toString(), 5);
            assertThat(events).extracting(CloudEvent::type).containsExactly(ComplaintOpened.TYPE,
                    ComplaintFirstResponse.TYPE, ComplaintResolved.TYPE, ComplaintReopened.TYPE, ComplaintResolved.TYPE);
            assertThat(events.get(1).dataAs(ComplaintFirstResponse.class).withinSla()).isTrue();
            assertThat(events).allSatisfy(e -> assertThat(e.data().toString()).doesNotContain("Charged twice"));
        }
    }

    @Test
    void listsWithFilters() {
        UUID customer = UUID.randomUUID();
        String first = open(complaint(customer, "delivery", "urgent")).statusCode(201).extract().path("id");
        String second = open(complaint(customer, "billing", null)).statusCode(201).extract().path("id");
        move(second, "acknowledged").statusCode(200);

        given().queryParam("customerId", customer.toString()).when().get("/complaints").then().statusCode(200)
                .body("items", hasSize(2)).body("items[0].id", equalTo(second));
        given().queryParam("customerId", customer.toString()).queryParam("status", "new").when().get("/complaints")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(first));
        given().queryParam("customerId", customer.toString()).queryParam("breached", "false").when().get("/complaints")
                .then().statusCode(200).body("items", hasSize(2));
        given().queryParam("customerId", customer.toString()).queryParam("breached", "true").when().get("/complaints")
                .then().statusCode(200).body("items", hasSize(0));
        // first (urgent, not acknowledged): next deadline first response (24 h); second: resolution (72 h, normal).
        given().queryParam("customerId", customer.toString())
                .queryParam("dueBefore", Instant.now().plus(Duration.ofHours(48)).toString())
                .when().get("/complaints").then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(first));
        given().queryParam("customerId", customer.toString()).queryParam("limit", 1).when().get("/complaints").then()
                .statusCode(200).body("items", hasSize(1)).body("nextCursor", notNullValue());
    }

    @Test
    void openMeansEveryStatusBeforeResolvedAsTheCustomerOverviewAsks() {
        UUID customer = UUID.randomUUID();
        String waiting = open(complaint(customer, "delivery", null)).statusCode(201).extract().path("id");
        move(waiting, "acknowledged").statusCode(200);
        move(waiting, "in-progress").statusCode(200);
        move(waiting, "waiting-on-customer").statusCode(200);
        String resolved = open(complaint(customer, "billing", null)).statusCode(201).extract().path("id");
        move(resolved, "acknowledged").statusCode(200);
        move(resolved, "in-progress").statusCode(200);
        move(resolved, "resolved").statusCode(200);
        String fresh = open(complaint(customer, "billing", null)).statusCode(201).extract().path("id");

        given().queryParam("customerId", customer.toString()).queryParam("status", "open").when().get("/complaints")
                .then().statusCode(200).body("items.id", containsInAnyOrder(waiting, fresh));
        given().queryParam("status", "opened").when().get("/complaints").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void refusesBadInput() {
        UUID customer = UUID.randomUUID();
        Map<String, Object> bad = complaint(customer, "Billing & more", "asap");
        bad.put("channel", "pigeon");
        bad.remove("subject");
        open(bad).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("category")).body("errors.field", hasItem("priority"))
                .body("errors.field", hasItem("channel")).body("errors.field", hasItem("subject"));
        Map<String, Object> longDescription = complaint(customer, "billing", null);
        longDescription.put("description", "x".repeat(10_001));
        open(longDescription).statusCode(400).body("errors.field", hasItem("description"));
        given().contentType(ContentType.JSON).body("[1, 2]").when().post("/complaints").then().statusCode(400);

        String id = open(complaint(customer, "billing", null)).statusCode(201).extract().path("id");
        move(id, "sleeping").statusCode(400).body("errors.field", hasItem("status"));
        given().contentType(ContentType.JSON).body(Map.of("note", "x")).when().post("/complaints/{id}/transitions", id)
                .then().statusCode(400);
        move(UUID.randomUUID().toString(), "acknowledged").statusCode(404);
        move("nope", "acknowledged").statusCode(404);
        given().when().get("/complaints/{id}", UUID.randomUUID()).then().statusCode(404);
        given().queryParam("status", "pending").when().get("/complaints").then().statusCode(400);
        given().queryParam("breached", "yes").when().get("/complaints").then().statusCode(400);
        given().queryParam("dueBefore", "tomorrow").when().get("/complaints").then().statusCode(400);
        given().queryParam("assignee", "bob").when().get("/complaints").then().statusCode(400);
    }
}
