package dev.rapport.feedback.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.Topics;
import dev.rapport.events.customer.CustomerErased;
import dev.rapport.events.customer.CustomersMerged;
import dev.rapport.events.feedback.FeedbackEvents;
import dev.rapport.events.privacy.ErasureConfirmed;
import dev.rapport.testing.EventTopic;
import dev.rapport.testing.Sql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** customer-erased and customers-merged, produced on the real broker and consumed by the service. */
@QuarkusTest
class PrivacyAndMergeTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void erasureRemovesPersonalTextKeepsFactsAndConfirms() {
        UUID customer = UUID.randomUUID();
        FeedbackApiTest.submit(FeedbackApiTest.feedback(customer, "email", 2, "Ada Lovelace here: my parcel never arrived."))
                .statusCode(201);
        String complaint = AgentAndSlaTest.openComplaint(customer, "delivery", "normal");
        ComplaintApiTest.move(complaint, "acknowledged").statusCode(200);
        String survey = SurveyApiTest.survey("CSAT", 0);
        SurveyApiTest.answer(survey, customer, 2).statusCode(201);
        UUID erasureId = UUID.randomUUID();

        try (EventTopic topic = EventTopic.subscribe(Topics.FEEDBACK_EVENTS)) {
            CustomerEventsProducer.send(customer.toString(), CustomerErased.TYPE,
                    new CustomerErased(customer, erasureId, Instant.now()));
            CloudEvent confirmed = topic.awaitType(customer.toString(), ErasureConfirmed.type("feedback"));
            assertThat(confirmed.source()).isEqualTo(FeedbackEvents.SOURCE);
            ErasureConfirmed data = confirmed.dataAs(ErasureConfirmed.class);
            assertThat(data.erasureId()).isEqualTo(erasureId);
            assertThat(data.service()).isEqualTo("feedback-service");
        }
        given().queryParam("customerId", customer.toString()).when().get("/feedback").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].text", nullValue()).body("items[0].erasedAt", notNullValue())
                .body("items[0].rating", equalTo(2)).body("items[0].topics[0]", equalTo("delivery"));
        given().when().get("/complaints/{id}", complaint).then().statusCode(200)
                .body("subject", nullValue()).body("description", nullValue())
                .body("history[1].note", nullValue()).body("category", equalTo("delivery"))
                .body("firstRespondedAt", notNullValue());
        Sql sql = Sql.on(dataSource);
        assertThat(sql.count("SELECT count(*) FROM survey_response WHERE customer_id = ? AND comment IS NULL AND score = 2",
                customer)).isEqualTo(1);
        given().when().get("/surveys/{id}/results", survey).then().statusCode(200).body("count", equalTo(1));
    }

    @Test
    void mergeMovesEverythingToTheSurvivor() {
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        FeedbackApiTest.submit(FeedbackApiTest.feedback(duplicate, "chat", 4, "Nice staff")).statusCode(201);
        AgentAndSlaTest.openComplaint(duplicate, "staff", "low");
        String survey = SurveyApiTest.survey("NPS", 30);
        SurveyApiTest.answer(survey, duplicate, 9).statusCode(201);

        CustomerEventsProducer.send(survivor.toString(), CustomersMerged.TYPE,
                new CustomersMerged(survivor, duplicate, Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                given().queryParam("customerId", survivor.toString()).when().get("/feedback").then()
                        .statusCode(200).body("items", hasSize(1)));
        given().queryParam("customerId", survivor.toString()).when().get("/complaints").then().statusCode(200)
                .body("items", hasSize(1));
        given().queryParam("customerId", duplicate.toString()).when().get("/complaints").then().statusCode(200)
                .body("items", hasSize(0));
        // The survivor inherits the duplicate's answer, and with it the throttle.
        SurveyApiTest.answer(survey, survivor, 10).statusCode(409);
    }

    @Test
    void aPoisonEventDoesNotStopTheConsumer() {
        CustomerEventsProducer.send("not-a-customer", "this is not a CloudEvent".getBytes());
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        FeedbackApiTest.submit(FeedbackApiTest.feedback(duplicate, "chat", null, "ok")).statusCode(201);
        CustomerEventsProducer.send(survivor.toString(), CustomersMerged.TYPE,
                new CustomersMerged(survivor, duplicate, Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                given().queryParam("customerId", survivor.toString()).when().get("/feedback").then()
                        .statusCode(200).body("items", hasSize(1)));
        given().contentType(ContentType.JSON).when().get("/q/health/ready").then().statusCode(200);
    }
}
