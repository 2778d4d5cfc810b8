package dev.rapport.segmentation.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.rapport.testing.Sql;

/** A recompute while events stream in loses nothing; a recompute a stopped process left running is run again. */
@QuarkusTest
class RecomputeReliabilityTest {

    @Inject
    DataSource dataSource;

    @Test
    void purchasesArrivingDuringARecomputeAreAllCounted() {
        List<UUID> customers = new ArrayList<>();
        String job;
        try (CustomerTopic topic = new CustomerTopic()) {
            for (int i = 0; i < 20; i++) {
                customers.add(UUID.randomUUID());
            }
            for (UUID c : customers.subList(0, 10)) {
                topic.purchase(c, UUID.randomUUID(), "11.00", Instant.now().minus(3, ChronoUnit.DAYS));
            }
            job = given().contentType(ContentType.JSON)
                    .body(Map.of("asOf", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString()))
                    .when().post("/segments/recompute").then().statusCode(202).extract().path("id");
            for (UUID c : customers) {
                topic.purchase(c, UUID.randomUUID(), "7.00", Instant.now().minus(1, ChronoUnit.DAYS));
            }
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> "succeeded".equals(
                given().when().get("/segments/jobs/{id}", job).then().extract().path("status")));
        for (int i = 0; i < customers.size(); i++) {
            int expected = i < 10 ? 2 : 1;
            UUID c = customers.get(i);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                var response = given().when().get("/segments/customers/{id}", c);
                return response.statusCode() == 200 && Integer.valueOf(expected).equals(response.jsonPath().get("frequency"));
            });
        }
        // n and T of the current run are exactly its rows
        Sql sql = Sql.on(dataSource);
        assertThat(sql.count("""
                SELECT count(*) FROM seg_run r JOIN seg_current_run c ON c.run_id = r.run_id
                WHERE r.customers = (SELECT count(*) FROM seg_score)
                  AND r.total_monetary = (SELECT coalesce(sum(monetary), 0) FROM seg_score)
                """)).isEqualTo(1);
    }

    @Test
    void aRecomputeLeftRunningByAStoppedProcessIsRunAgain() {
        Sql sql = Sql.on(dataSource);
        UUID job = UUID.randomUUID();
        sql.update("""
                INSERT INTO seg_job (job_id, as_of, status, phase, progress, requested_at, started_at)
                VALUES (?, DATE '2011-12-10', 'running', 'scoring', 40, now() - interval '1 minute', now())
                """, job);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> "succeeded".equals(
                given().when().get("/segments/jobs/{id}", job).then().statusCode(200).extract().path("status")));
        // its transaction died with the process: the run made current is the one of the job's new run
        assertThat(sql.count("SELECT count(*) FROM seg_run")).isEqualTo(1);
        assertThat(sql.count("""
                SELECT count(*) FROM seg_run r JOIN seg_current_run c ON c.run_id = r.run_id
                JOIN seg_job j ON j.run_id = r.run_id WHERE j.job_id = ? AND r.as_of = DATE '2011-12-10'""", job))
                .isEqualTo(1);
    }

    @Test
    void aReturnBeforeItsPurchaseIsKeptAndChangesNothing() {
        UUID customer = UUID.randomUUID();
        UUID purchase = UUID.randomUUID();
        try (CustomerTopic topic = new CustomerTopic()) {
            topic.returned(customer, purchase, "5.00");
            topic.purchase(customer, purchase, "25.00", Instant.now().minus(1, ChronoUnit.DAYS));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = given().when().get("/segments/customers/{id}", customer);
            return response.statusCode() == 200 && "25.00".equals(response.jsonPath().get("monetary"));
        });
        assertThat(Sql.on(dataSource).count("SELECT count(*) FROM seg_return WHERE purchase_id = ?", purchase))
                .isEqualTo(1);
    }
}
