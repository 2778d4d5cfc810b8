package dev.rapport.segmentation.adapter.in.scheduling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import dev.rapport.devstack.DevStackResource;
import dev.rapport.testing.Sql;

/**
 * The start-up catch-up (recompute.on-start): a fresh install, scored as of 1970-01-01, queues today's recompute
 * at start-up, exactly one; a start with current scores queues none; two instances starting together on stale
 * scores queue one between them.
 */
@QuarkusTest
@TestProfile(RecomputeOnStartTest.FreshInstall.class)
class RecomputeOnStartTest {

    /** A database of its own (nothing scored yet) and the start-up recompute on, as in production. */
    public static class FreshInstall implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rapport.segmentation.recompute.on-start", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DevStackResource.class,
                    Map.of(DevStackResource.DATABASE_ARG, "segmentation_fresh_install")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Inject
    RecomputeWorker worker;

    @Inject
    DataSource dataSource;

    @Test
    void startUpQueuesOneRecomputeWhenTheScoresAreStaleAndNoneWhenTheyAreCurrent() throws Exception {
        Sql sql = Sql.on(dataSource);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // the application under test started on a fresh database: one job for today, queued at start-up
        assertThat(sql.count("SELECT count(*) FROM seg_job")).isEqualTo(1);
        assertThat(sql.count("SELECT count(*) FROM seg_job WHERE as_of = ?", today)).isEqualTo(1);
        awaitNoOpenJob(sql);
        assertThat(sql.count("SELECT count(*) FROM seg_run r JOIN seg_current_run c ON c.run_id = r.run_id "
                + "WHERE r.as_of = ?", today)).isEqualTo(1);

        // a restart with current scores queues nothing
        worker.onStart(new StartupEvent());
        assertThat(sql.count("SELECT count(*) FROM seg_job")).isEqualTo(1);

        // scores of an earlier day (a missed night), then two instances starting at the same moment
        given().contentType(ContentType.JSON).body(Map.of("asOf", "2012-01-01"))
                .when().post("/segments/recompute").then().statusCode(202);
        awaitNoOpenJob(sql);
        assertThat(sql.count("SELECT count(*) FROM seg_job")).isEqualTo(2);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> instances = List.of(1, 2).stream().map(i -> CompletableFuture.runAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker.onStart(new StartupEvent());
        })).toList();
        go.countDown();
        CompletableFuture.allOf(instances.toArray(CompletableFuture[]::new)).get();
        assertThat(sql.count("SELECT count(*) FROM seg_job")).isEqualTo(3);
        assertThat(sql.count("SELECT count(*) FROM seg_job WHERE as_of = ?", today)).isEqualTo(2);
        awaitNoOpenJob(sql);
        assertThat(sql.count("SELECT count(*) FROM seg_job WHERE status = 'succeeded'")).isEqualTo(3);
    }

    private static void awaitNoOpenJob(Sql sql) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> sql.count("SELECT count(*) FROM seg_job WHERE status IN ('queued', 'running')") == 0);
    }
}
