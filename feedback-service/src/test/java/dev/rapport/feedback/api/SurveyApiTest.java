package dev.rapport.feedback.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.Topics;
import dev.rapport.events.customer.ConsentChanged;
import dev.rapport.events.feedback.SurveyAnswered;
import dev.rapport.events.feedback.SurveyInvitationRequested;
import dev.rapport.testing.EventTopic;
import dev.rapport.testing.Sql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class SurveyApiTest {

    @Inject
    AgroalDataSource dataSource;

    static String survey(String type, int throttleDays) {
        return given().contentType(ContentType.JSON).body(Map.of("type", type, "question", "How did we do?",
                        "channel", "email", "throttleDays", throttleDays))
                .when().post("/surveys").then().statusCode(201).body("type", equalTo(type)).extract().path("id");
    }

    static ValidatableResponse answer(String surveyId, UUID customer, Object score) {
        return given().contentType(ContentType.JSON).body(Map.of("customerId", customer.toString(), "score", score,
                "comment", "fine")).when().post("/surveys/{id}/responses", surveyId).then();
    }

    @Test
    void computesNpsAndPublishesTheCategory() {
        String nps = survey("NPS", 0);
        UUID promoter = UUID.randomUUID();
        try (EventTopic topic = EventTopic.subscribe(Topics.FEEDBACK_EVENTS)) {
            answer(nps, promoter, 10).statusCode(201).body("npsCategory", equalTo("promoter"));
            for (int score : new int[] {9, 8, 7, 6, 0}) {
                answer(nps, UUID.randomUUID(), score).statusCode(201);
            }
            CloudEvent answered = topic.awaitType(promoter.toString(), SurveyAnswered.TYPE);
            SurveyAnswered data = answered.dataAs(SurveyAnswered.class);
            assertThat(data.npsCategory()).isEqualTo("promoter");
            assertThat(data.score()).isEqualTo(10);
            assertThat(answered.data().toString()).doesNotContain("fine");
        }
        // 2 promoters, 2 passives, 2 detractors of 6: NPS 0.
        given().when().get("/surveys/{id}/results", nps).then().statusCode(200)
                .body("count", equalTo(6)).body("nps", equalTo(0.0f)).body("distribution.10", equalTo(1))
                .body("distribution.5", equalTo(0)).body("csatPercent", nullValue());
        given().queryParam("from", Instant.now().plusSeconds(3600).toString()).when().get("/surveys/{id}/results", nps)
                .then().statusCode(200).body("count", equalTo(0)).body("nps", nullValue());
    }

    @Test
    void computesCsatAndCesAndChecksRanges() {
        String csat = survey("CSAT", 0);
        for (int score : new int[] {5, 4, 2, 1}) {
            answer(csat, UUID.randomUUID(), score).statusCode(201).body("npsCategory", nullValue());
        }
        given().when().get("/surveys/{id}/results", csat).then().statusCode(200)
                .body("csatPercent", equalTo(50.0f)).body("mean", equalTo(3.0f)).body("nps", nullValue());
        answer(csat, UUID.randomUUID(), 0).statusCode(400).body("errors.field", hasItem("score"));
        answer(csat, UUID.randomUUID(), 6).statusCode(400);

        String ces = survey("CES", 0);
        answer(ces, UUID.randomUUID(), 7).statusCode(201);
        answer(ces, UUID.randomUUID(), 2).statusCode(201);
        answer(ces, UUID.randomUUID(), 8).statusCode(400);
        given().when().get("/surveys/{id}/results", ces).then().statusCode(200).body("mean", equalTo(4.5f));

        String nps = survey("NPS", 0);
        answer(nps, UUID.randomUUID(), 11).statusCode(400);
        answer(nps, UUID.randomUUID(), -1).statusCode(400);
        answer(nps, UUID.randomUUID(), "ten").statusCode(400);
    }

    @Test
    void throttlesRepeatedAnswers() {
        String survey = survey("CSAT", 30);
        UUID customer = UUID.randomUUID();
        answer(survey, customer, 4).statusCode(201);
        answer(survey, customer, 5).statusCode(409).contentType("application/problem+json")
                .body("throttleDays", equalTo(30));
        String unthrottled = survey("CSAT", 0);
        answer(unthrottled, customer, 4).statusCode(201);
        answer(unthrottled, customer, 5).statusCode(201);
    }

    @Test
    void refusesBadSurveysAndUnknownIds() {
        given().contentType(ContentType.JSON).body(Map.of("type", "NPX", "question", "", "channel", "pigeon",
                "throttleDays", -1)).when().post("/surveys").then().statusCode(400)
                .body("errors.field", hasItem("type")).body("errors.field", hasItem("question"))
                .body("errors.field", hasItem("channel")).body("errors.field", hasItem("throttleDays"));
        answer(UUID.randomUUID().toString(), UUID.randomUUID(), 5).statusCode(404);
        given().when().get("/surveys/{id}/results", UUID.randomUUID()).then().statusCode(404);
        given().when().get("/surveys/{id}", "x").then().statusCode(404);
        String survey = survey("NPS", 0);
        given().contentType(ContentType.JSON).body(Map.of("score", 5)).when().post("/surveys/{id}/responses", survey)
                .then().statusCode(400).body("errors.field", hasItem("customerId"));
        given().queryParam("from", "2026-02-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .when().get("/surveys/{id}/results", survey).then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("customerIds", List.of())).when()
                .post("/surveys/{id}/invitations", survey).then().statusCode(400);
    }

    @Test
    void invitesOnlyConsentingUnthrottledCustomers() {
        String survey = survey("NPS", 30);
        UUID consenting = UUID.randomUUID();
        UUID revoked = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        UUID answeredRecently = UUID.randomUUID();
        Instant now = Instant.now();
        CustomerEventsProducer.send(consenting.toString(), ConsentChanged.TYPE,
                new ConsentChanged(consenting, "email", "marketing", "granted", "web-form", now));
        CustomerEventsProducer.send(revoked.toString(), ConsentChanged.TYPE,
                new ConsentChanged(revoked, "email", "marketing", "granted", "web-form", now));
        CustomerEventsProducer.send(revoked.toString(), ConsentChanged.TYPE,
                new ConsentChanged(revoked, "email", "marketing", "revoked", "web-form", now.plusSeconds(1)));
        CustomerEventsProducer.send(answeredRecently.toString(), ConsentChanged.TYPE,
                new ConsentChanged(answeredRecently, "email", "marketing", "granted", "web-form", now));
        answer(survey, answeredRecently, 9).statusCode(201);

        // The consumer applies the events asynchronously: wait until its copy holds them.
        Sql sql = Sql.on(dataSource);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                sql.count("SELECT count(*) FROM consent WHERE customer_id = ? AND status = 'revoked'", revoked) == 1
                        && sql.count("SELECT count(*) FROM consent WHERE customer_id IN (?, ?) AND status = 'granted'",
                        consenting, answeredRecently) == 2);
        try (EventTopic topic = EventTopic.subscribe(Topics.FEEDBACK_EVENTS)) {
            given().contentType(ContentType.JSON).body(Map.of("customerIds", List.of(consenting.toString(),
                            answeredRecently.toString(), revoked.toString(), unknown.toString())))
                    .when().post("/surveys/{id}/invitations", survey).then().statusCode(200)
                    .body("invited", equalTo(List.of(consenting.toString())))
                    .body("skipped.customerId", equalTo(List.of(answeredRecently.toString(), revoked.toString(),
                            unknown.toString())))
                    .body("skipped.reason", equalTo(List.of("throttled", "no-consent", "no-consent")));

            given().contentType(ContentType.JSON).body(Map.of("customerIds", List.of(consenting.toString(),
                            consenting.toString(), unknown.toString(), revoked.toString())))
                    .when().post("/surveys/{id}/invitations", survey).then().statusCode(200)
                    .body("invited", hasSize(0))
                    .body("skipped.reason", equalTo(List.of("duplicate", "throttled", "no-consent", "no-consent")));

            SurveyInvitationRequested invitation = topic.awaitType(consenting.toString(), SurveyInvitationRequested.TYPE)
                    .dataAs(SurveyInvitationRequested.class);
            assertThat(invitation.channel()).isEqualTo("email");
            assertThat(topic.during(revoked.toString(), Duration.ofSeconds(1)))
                    .noneMatch(e -> e.type().equals(SurveyInvitationRequested.TYPE));
        }
    }
}
