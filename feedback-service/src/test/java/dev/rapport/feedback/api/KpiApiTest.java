package dev.rapport.feedback.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class KpiApiTest {

    @Test
    void aWindowWithoutDataLeavesTheFiguresOutRatherThanAnsweringNull() {
        // The schema declares numbers and an enum for groupBy; null is neither.
        given().queryParam("from", "2001-01-01T00:00:00Z").queryParam("to", "2001-01-02T00:00:00Z")
                .when().get("/feedback/kpis").then().statusCode(200)
                .body("overall", not(hasKey("complaintsOpened"))).body("$", not(hasKey("groupBy")))
                .body(not(containsString(":null")));
    }

    @Test
    void kpisMoveWithFeedbackSurveysAndComplaints() {
        Instant from = Instant.now().minusSeconds(1);
        UUID customer = UUID.randomUUID();
        String category = "k" + UUID.randomUUID().toString().substring(0, 8);
        String agent = AgentAndSlaTest.agent("Kim", category, true, 10);

        FeedbackApiTest.submit(FeedbackApiTest.feedback(customer, "review", 5, "Excellent service, I love it")).statusCode(201);
        String csat = SurveyApiTest.survey("CSAT", 0);
        SurveyApiTest.answer(csat, customer, 5).statusCode(201);
        SurveyApiTest.answer(csat, UUID.randomUUID(), 2).statusCode(201);
        String nps = SurveyApiTest.survey("NPS", 0);
        SurveyApiTest.answer(nps, customer, 10).statusCode(201);
        String complaint = AgentAndSlaTest.openComplaint(customer, category, "normal");
        ComplaintApiTest.move(complaint, "acknowledged").statusCode(200);
        ComplaintApiTest.move(complaint, "in-progress").statusCode(200);
        ComplaintApiTest.move(complaint, "resolved").statusCode(200);
        String open = AgentAndSlaTest.openComplaint(customer, category, "normal");
        Instant to = Instant.now().plusSeconds(1);

        // Other tests write in the same window: check what these writes guarantee.
        var overall = given().queryParam("from", from.toString()).queryParam("to", to.toString())
                .when().get("/feedback/kpis").then().statusCode(200)
                .body("overall.feedbackCount", notNullValue())
                .body("overall.complaintsOpened", notNullValue())
                .extract();
        assertThat(overall.<Integer>path("overall.complaintsOpened")).isGreaterThanOrEqualTo(2);
        assertThat(overall.<Integer>path("overall.complaintsResolved")).isGreaterThanOrEqualTo(1);
        assertThat(overall.<Integer>path("overall.csatResponses")).isGreaterThanOrEqualTo(2);
        assertThat(overall.<Float>path("overall.slaCompliancePercent")).isNotNull();

        var byCategory = given().queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("groupBy", "category").when().get("/feedback/kpis").then().statusCode(200)
                .body("groupBy", equalTo("category")).body("groups.group", hasItem(category)).extract();
        List<Map<String, Object>> groups = byCategory.path("groups");
        Map<String, Object> mine = groups.stream().filter(g -> category.equals(g.get("group"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> kpis = (Map<String, Object>) mine.get("kpis");
        assertThat(kpis.get("complaintsOpened")).isEqualTo(2);
        assertThat(kpis.get("complaintsResolved")).isEqualTo(1);
        assertThat(kpis.get("slaCompliancePercent")).isEqualTo(100.0f);
        assertThat(kpis.get("answeredWithin24hPercent")).isEqualTo(50.0f);
        assertThat(kpis.get("firstResponseHoursP50")).isNotNull();
        assertThat(kpis.get("feedbackCount")).isNull();

        given().queryParam("from", from.toString()).queryParam("to", to.toString()).queryParam("groupBy", "team")
                .when().get("/feedback/kpis").then().statusCode(200).body("groups.group", hasItem("team-" + category));
        given().queryParam("from", from.toString()).queryParam("to", to.toString()).queryParam("groupBy", "channel")
                .when().get("/feedback/kpis").then().statusCode(200)
                .body("groups.group", hasItem("review")).body("groups.group", hasItem("email"));
        assertThat(agent).isNotNull();
        assertThat(open).isNotNull();
    }

    @Test
    void refusesBadKpiQueries() {
        given().queryParam("groupBy", "colour").when().get("/feedback/kpis").then().statusCode(400)
                .body("errors.field", hasItem("groupBy"));
        given().queryParam("from", "2026-02-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .when().get("/feedback/kpis").then().statusCode(400);
        given().queryParam("from", "last week").when().get("/feedback/kpis").then().statusCode(400);
        given().when().get("/feedback/kpis").then().statusCode(200).body("overall", notNullValue());
    }
}
