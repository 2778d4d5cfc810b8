package dev.rapport.feedback.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.Topics;
import dev.rapport.events.feedback.ComplaintAssigned;
import dev.rapport.events.feedback.ComplaintSlaBreached;
import dev.rapport.events.feedback.ComplaintSlaWarning;
import dev.rapport.feedback.application.port.in.complaint.ScanSlaUseCase;
import dev.rapport.testing.EventTopic;
import dev.rapport.testing.Sql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AgentAndSlaTest {

    @Inject
    ScanSlaUseCase scan;

    @Inject
    AgroalDataSource dataSource;

    static String agent(String name, String category, boolean available, int maxOpen) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "team", "team-" + category,
                        "categories", List.of(category, "other-" + category), "available", available, "maxOpen", maxOpen))
                .when().post("/complaints/agents").then().statusCode(201)
                .body("openComplaints", equalTo(0)).extract().path("id");
    }

    static String openComplaint(UUID customer, String category, String priority) {
        Map<String, Object> body = ComplaintApiTest.complaint(customer, category, priority);
        return given().contentType(ContentType.JSON).body(body).when().post("/complaints").then().statusCode(201)
                .extract().path("id");
    }

    static String assigneeOf(String complaintId) {
        return given().when().get("/complaints/{id}", complaintId).then().statusCode(200).extract().path("assignee");
    }

    @Test
    void assignsRoundRobinSkippingUnavailableAndFullAgents() {
        String category = "c" + UUID.randomUUID().toString().substring(0, 8);
        UUID customer = UUID.randomUUID();
        String a = agent("Ada", category, true, 1);
        String b = agent("Bob", category, true, 5);
        String c = agent("Cy", category, false, 5);

        try (EventTopic topic = EventTopic.subscribe(Topics.FEEDBACK_EVENTS)) {
            assertThat(assigneeOf(openComplaint(customer, category, "normal"))).isEqualTo(a);
            assertThat(assigneeOf(openComplaint(customer, category, "normal"))).isEqualTo(b);
            // Ada is full (1 open), Cy unavailable: Bob again.
            assertThat(assigneeOf(openComplaint(customer, category, "normal"))).isEqualTo(b);
            given().when().get("/complaints/agents/{id}", b).then().statusCode(200).body("openComplaints", equalTo(2));

            given().contentType(ContentType.JSON).body(Map.of("name", "Cy", "team", "team-" + category,
                            "categories", List.of(category), "available", true, "maxOpen", 5))
                    .when().put("/complaints/agents/{id}", c).then().statusCode(200).body("available", equalTo(true));
            String fourth = openComplaint(customer, category, "normal");
            assertThat(assigneeOf(fourth)).isEqualTo(c);

            given().contentType(ContentType.JSON).body(Map.of("agentId", a)).when()
                    .post("/complaints/{id}/assignment", fourth).then().statusCode(200).body("assignee", equalTo(a));

            List<CloudEvent> assigned = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                assigned.addAll(topic.during(customer.toString(), Duration.ofMillis(500)).stream()
                        .filter(e -> e.type().equals(ComplaintAssigned.TYPE)).toList());
                return assigned.size() >= 5;
            });
            assertThat(assigned).extracting(e -> e.dataAs(ComplaintAssigned.class).manual())
                    .containsExactly(false, false, false, false, true);
        }
        String nobody = openComplaint(customer, "n" + UUID.randomUUID().toString().substring(0, 8), "normal");
        given().when().get("/complaints/{id}", nobody).then().statusCode(200).body("assignee", nullValue());
        given().queryParam("assignee", b).when().get("/complaints").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasSize(2));
    }

    @Test
    void refusesBadAgentsAndAssignments() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("name", "");
        bad.put("team", "Team A");
        bad.put("categories", List.of());
        bad.put("maxOpen", 0);
        given().contentType(ContentType.JSON).body(bad).when().post("/complaints/agents").then().statusCode(400)
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("team"))
                .body("errors.field", hasItem("categories")).body("errors.field", hasItem("maxOpen"));
        given().when().get("/complaints/agents/{id}", UUID.randomUUID()).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("name", "X", "team", "t", "categories", List.of("a"), "maxOpen", 1))
                .when().put("/complaints/agents/{id}", UUID.randomUUID()).then().statusCode(404);
        given().when().get("/complaints/agents").then().statusCode(200);

        String complaint = openComplaint(UUID.randomUUID(), "n" + UUID.randomUUID().toString().substring(0, 8), "normal");
        given().contentType(ContentType.JSON).body(Map.of("agentId", UUID.randomUUID().toString()))
                .when().post("/complaints/{id}/assignment", complaint).then().statusCode(400)
                .body("errors.field", hasItem("agentId"));
        given().contentType(ContentType.JSON).body("{}").when().post("/complaints/{id}/assignment", complaint)
                .then().statusCode(400);
    }

    @Test
    void warnsAndBreachesExactlyOnceEvenWithConcurrentScans() throws Exception {
        UUID customer = UUID.randomUUID();
        String id;
        try (EventTopic topic = EventTopic.subscribe(Topics.FEEDBACK_EVENTS)) {
            // low priority in tests: resolution due in 6 s, warning 4 s before.
            id = openComplaint(customer, "n" + UUID.randomUUID().toString().substring(0, 8), "low");
            CloudEvent warning = topic.awaitType(customer.toString(), ComplaintSlaWarning.TYPE);
            assertThat(warning.dataAs(ComplaintSlaWarning.class).deadline()).isEqualTo("resolution");
            assertThat(warning.dataAs(ComplaintSlaWarning.class).complaintId()).isEqualTo(UUID.fromString(id));
            CloudEvent breach = topic.awaitType(customer.toString(), ComplaintSlaBreached.TYPE);
            assertThat(breach.dataAs(ComplaintSlaBreached.class).deadline()).isEqualTo("resolution");
        }
        given().queryParam("customerId", customer.toString()).queryParam("breached", "true").when().get("/complaints")
                .then().statusCode(200).body("items[0].id", equalTo(id)).body("items[0].resolutionBreached", equalTo(true));

        // Two "instances" scanning at once, many times over: still one warning and one breach.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                runs.add(pool.submit(scan::scan));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        Sql sql = Sql.on(dataSource);
        assertThat(sql.count("SELECT count(*) FROM rapport_outbox WHERE message_key = ? AND event_type = ?",
                customer.toString(), ComplaintSlaWarning.TYPE)).isEqualTo(1);
        assertThat(sql.count("SELECT count(*) FROM rapport_outbox WHERE message_key = ? AND event_type = ?",
                customer.toString(), ComplaintSlaBreached.TYPE)).isEqualTo(1);
    }
}
