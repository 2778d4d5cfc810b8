package dev.rapport.feedback.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.devstack.DevStackResource;
import dev.rapport.events.CloudEvent;
import dev.rapport.events.Topics;
import dev.rapport.events.feedback.FeedbackEvents;
import dev.rapport.events.feedback.FeedbackReceived;
import dev.rapport.testing.EventTopic;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Also brings up real PostgreSQL and Kafka for every {@code @QuarkusTest} of this module. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.DATABASE_ARG, value = "feedback"))
class FeedbackApiTest {

    static Map<String, Object> feedback(UUID customerId, String channel, Integer rating, String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customerId.toString());
        body.put("channel", channel);
        if (rating != null) {
            body.put("rating", rating);
        }
        body.put("text", text);
        return body;
    }

    static ValidatableResponse submit(Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/feedback").then();
    }

    @Test
    void recordsEnglishFeedbackWithItsAnalysisAndPublishesItWithoutTheText() {
        UUID customer = UUID.randomUUID();
        try (EventTopic topic = EventTopic.subscribe(Topics.FEEDBACK_EVENTS)) {
            String id = submit(feedback(customer, "review", 1,
                    "Terrible experience: the delivery was late and the product arrived broken. Waste of money."))
                    .statusCode(201)
                    .header("Location", org.hamcrest.Matchers.containsString("/feedback/"))
                    .body("customerId", equalTo(customer.toString()))
                    .body("channel", equalTo("review"))
                    .body("rating", equalTo(1))
                    .body("language", equalTo("en"))
                    .body("sentiment", equalTo("negative"))
                    .body("topics", hasItems("delivery", "quality"))
                    .extract().path("id");

            given().when().get("/feedback/{id}", id).then().statusCode(200)
                    .body("text", org.hamcrest.Matchers.startsWith("Terrible experience"));

            CloudEvent event = topic.awaitType(customer.toString(), FeedbackReceived.TYPE);
            assertThat(event.source()).isEqualTo(FeedbackEvents.SOURCE);
            FeedbackReceived data = event.dataAs(FeedbackReceived.class);
            assertThat(data.feedbackId()).isEqualTo(UUID.fromString(id));
            assertThat(data.sentiment()).isEqualTo("negative");
            assertThat(data.sentimentScore()).isLessThan(0);
            assertThat(data.topics()).contains("delivery");
            assertThat(event.data().toString()).doesNotContain("Terrible").doesNotContain("broken");
        }
    }

    @Test
    void readsChineseByScriptAndHonoursAGivenLanguage() {
        UUID customer = UUID.randomUUID();
        submit(feedback(customer, "chat", null, "房间很干净，服务员态度非常好，下次还会再来！"))
                .statusCode(201)
                .body("language", equalTo("zh"))
                .body("sentiment", equalTo("positive"))
                .body("topics", hasItems("staff", "service"))
                .body("rating", nullValue());
        submit(feedback(customer, "email", null, "送餐太慢了，菜都凉了，难吃"))
                .statusCode(201).body("sentiment", equalTo("negative")).body("topics", hasItem("delivery"));
        Map<String, Object> other = feedback(customer, "social", null, "👍👍👍 🙂");
        submit(other).statusCode(201).body("language", equalTo("other")).body("sentiment", equalTo("neutral"));
        Map<String, Object> told = feedback(customer, "phone", 5, "Great service, thank you!");
        told.put("language", "en");
        submit(told).statusCode(201).body("language", equalTo("en")).body("sentiment", equalTo("positive"));
    }

    @Test
    void listsNewestFirstWithFiltersAndCursor() {
        UUID customer = UUID.randomUUID();
        submit(feedback(customer, "review", 5, "Excellent quality, I love this phone.")).statusCode(201);
        submit(feedback(customer, "review", 1, "Awful billing: I was charged twice and nobody helped.")).statusCode(201);
        submit(feedback(customer, "chat", 2, "The website checkout is broken and slow.")).statusCode(201);

        given().queryParam("customerId", customer.toString()).when().get("/feedback").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items[0].channel", equalTo("chat"))
                .body("nextCursor", nullValue());
        given().queryParam("customerId", customer.toString()).queryParam("channel", "review")
                .queryParam("sentiment", "negative").when().get("/feedback").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].rating", equalTo(1));
        given().queryParam("customerId", customer.toString()).queryParam("topic", "website")
                .when().get("/feedback").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].channel", equalTo("chat"));
        given().queryParam("customerId", customer.toString()).queryParam("from", "2100-01-01T00:00:00Z")
                .when().get("/feedback").then().log().ifValidationFails().statusCode(200).body("items", hasSize(0));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("customerId", customer.toString()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/feedback").then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(seen).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void refusesBadInputWithProblems() {
        UUID customer = UUID.randomUUID();
        submit(Map.of("channel", "review", "text", "ok")).statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("customerId"));
        submit(feedback(customer, "fax", null, "ok")).statusCode(400).body("errors.field", hasItem("channel"));
        submit(feedback(customer, "review", 6, "ok")).statusCode(400).body("errors.field", hasItem("rating"));
        submit(feedback(customer, "review", 0, "ok")).statusCode(400).body("errors.field", hasItem("rating"));
        submit(feedback(customer, "review", null, "   ")).statusCode(400).body("errors.field", hasItem("text"));
        submit(feedback(customer, "review", null, "x".repeat(1_000_000))).statusCode(400)
                .body("errors.field", hasItem("text"));
        Map<String, Object> badLanguage = feedback(customer, "review", null, "fine");
        badLanguage.put("language", "fr");
        submit(badLanguage).statusCode(400).body("errors.field", hasItem("language"));
        // A topic filter longer than the documented 50 characters is refused, not searched for.
        given().queryParam("topic", "t".repeat(51)).when().get("/feedback").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("topic"));
        given().contentType(ContentType.JSON).body("{\"customerId\": \"" + customer + "\", \"channel\": \"review\", "
                + "\"rating\": \"five\", \"text\": \"ok\"}").when().post("/feedback").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"customerId\": ").when().post("/feedback").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"customerId\": \"not-a-uuid\", \"channel\": \"review\", \"text\": \"x\"}")
                .when().post("/feedback").then().statusCode(400);

        given().queryParam("sentiment", "happy").when().get("/feedback").then().statusCode(400)
                .body("errors.field", hasItem("sentiment"));
        given().queryParam("customerId", "123").when().get("/feedback").then().statusCode(400);
        given().queryParam("from", "yesterday").when().get("/feedback").then().statusCode(400);
        given().queryParam("limit", "1000").when().get("/feedback").then().statusCode(400);
        given().queryParam("cursor", "garbage").when().get("/feedback").then().statusCode(400);
        given().when().get("/feedback/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/feedback/not-an-id").then().statusCode(404);
    }

    @Test
    void analysesTextsWithoutStoringThem() {
        List<Map<String, Object>> texts = List.of(
                Map.of("text", "I love it, works great!"),
                Map.of("text", "质量太差了，价格还贵，不推荐"),
                Map.of("text", "Service 很好 🙂 thanks"),
                Map.of("text", "Bonjour", "language", "other"));
        given().contentType(ContentType.JSON).body(Map.of("texts", texts)).when().post("/feedback/analyze")
                .then().statusCode(200)
                .body("items", hasSize(4))
                .body("items[0].language", equalTo("en")).body("items[0].sentiment", equalTo("positive"))
                .body("items[1].language", equalTo("zh")).body("items[1].sentiment", equalTo("negative"))
                .body("items[1].topics", hasItems("quality", "price"))
                .body("items[2].language", notNullValue())
                .body("items[3].language", equalTo("other")).body("items[3].sentiment", equalTo("neutral"));

        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(Map.of("text", "good value number " + i));
        }
        given().contentType(ContentType.JSON).body(Map.of("texts", many)).when().post("/feedback/analyze")
                .then().statusCode(200).body("items", hasSize(1000));
        many.add(Map.of("text", "one too many"));
        given().contentType(ContentType.JSON).body(Map.of("texts", many)).when().post("/feedback/analyze")
                .then().statusCode(400).body("errors.field", hasItem("texts"));
        given().contentType(ContentType.JSON).body(Map.of("texts", List.of())).when().post("/feedback/analyze")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("texts", List.of(Map.of("text", "")))).when()
                .post("/feedback/analyze").then().statusCode(400).body("errors.field", hasItem("texts[0].text"));
        given().contentType(ContentType.JSON).body("{}").when().post("/feedback/analyze").then().statusCode(400);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyStoresAndPublishesNothingNew() {
        UUID customer = UUID.randomUUID();
        String key = "fb-" + UUID.randomUUID();
        Map<String, Object> body = feedback(customer, "email", 3, "The invoice was wrong.");
        String id = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/feedback").then().statusCode(201).extract().path("id");
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/feedback").then().statusCode(200).body("id", equalTo(id));
        Map<String, Object> other = feedback(customer, "email", 3, "Something else entirely.");
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(other)
                .when().post("/feedback").then().statusCode(409).contentType("application/problem+json")
                .body("existingFeedbackId", equalTo(id));
        given().header("Idempotency-Key", "has space").contentType(ContentType.JSON).body(body)
                .when().post("/feedback").then().statusCode(400);
        given().queryParam("customerId", customer.toString()).when().get("/feedback").then().statusCode(200)
                .body("items", hasSize(1));
        try (EventTopic topic = EventTopic.subscribe(Topics.FEEDBACK_EVENTS)) {
            assertThat(topic.during(customer.toString(), java.time.Duration.ofSeconds(2)))
                    .filteredOn(e -> e.type().equals(FeedbackReceived.TYPE)).hasSize(1);
        }
    }
}
