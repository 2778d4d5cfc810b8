package dev.rapport.feedback.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.Topics;
import dev.rapport.events.feedback.ComplaintSlaBreached;
import dev.rapport.events.feedback.ComplaintSlaWarning;
import dev.rapport.feedback.application.port.in.complaint.ScanSlaUseCase;
import dev.rapport.feedback.application.port.out.complaint.SlaNoticeClaims;
import dev.rapport.feedback.domain.complaint.SlaNotice;
import dev.rapport.testing.EventTopic;
import dev.rapport.testing.Sql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The SLA scan against a real database while the scheduler (every second in tests) scans too: warnings
 * before and breaches at a deadline, once each, also when a scan's transaction dies half way and when two
 * instances claim at the same moment. Deadlines are moved with SQL so that nothing waits for hours.
 */
@QuarkusTest
class SlaScanTest {

    @Inject
    ScanSlaUseCase scan;

    @Inject
    SlaNoticeClaims claims;

    @Inject
    AgroalDataSource dataSource;

    static String category() {
        return "s" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A complaint acknowledged, in progress and now waiting on the customer (its clock paused). */
    static String waitingComplaint(UUID customer) {
        String id = AgentAndSlaTest.openComplaint(customer, category(), "normal");
        ComplaintApiTest.move(id, "acknowledged").statusCode(200);
        ComplaintApiTest.move(id, "in-progress").statusCode(200);
        ComplaintApiTest.move(id, "waiting-on-customer").statusCode(200);
        return id;
    }

    long outbox(UUID customer, String type) {
        return Sql.on(dataSource).count("SELECT count(*) FROM rapport_outbox WHERE message_key = ? AND event_type = ?",
                customer.toString(), type);
    }

    @Test
    void aPausedClockNeitherWarnsNorBreachesAndResumesWithTheTimeThatWasLeft() {
        UUID customer = UUID.randomUUID();
        String id = waitingComplaint(customer);
        Sql sql = Sql.on(dataSource);
        // Paused 10 s ago with 5 s left; the deadline itself passed while paused.
        sql.update("UPDATE complaint SET paused_since = now() - interval '10 seconds', "
                + "resolution_due_at = now() - interval '5 seconds' WHERE id = ?", UUID.fromString(id));
        for (int i = 0; i < 3; i++) {
            scan.scan();
        }
        assertThat(outbox(customer, ComplaintSlaWarning.TYPE)).isZero();
        assertThat(outbox(customer, ComplaintSlaBreached.TYPE)).isZero();
        given().when().get("/complaints/{id}", id).then().statusCode(200)
                .body("resolutionBreached", org.hamcrest.Matchers.equalTo(false));

        try (EventTopic topic = EventTopic.subscribe(Topics.FEEDBACK_EVENTS)) {
            var resumed = ComplaintApiTest.move(id, "in-progress").statusCode(200).extract();
            Instant resumedAt = Instant.parse(resumed.path("history[-1].at"));
            Instant due = Instant.parse(resumed.path("resolutionDueAt"));
            assertThat(Duration.between(resumedAt, due)).isEqualTo(Duration.ofSeconds(5));

            // Warning period 4 s in tests: warned before the deadline, breached at it.
            ComplaintSlaWarning warning = topic.awaitType(customer.toString(), ComplaintSlaWarning.TYPE)
                    .dataAs(ComplaintSlaWarning.class);
            assertThat(warning.deadline()).isEqualTo("resolution");
            assertThat(warning.dueAt()).isEqualTo(due);
            assertThat(warning.warnedAt()).isBefore(due).isAfterOrEqualTo(due.minusSeconds(4));
            ComplaintSlaBreached breach = topic.awaitType(customer.toString(), ComplaintSlaBreached.TYPE)
                    .dataAs(ComplaintSlaBreached.class);
            assertThat(breach.dueAt()).isEqualTo(due);
            assertThat(breach.detectedAt()).isAfterOrEqualTo(due);
        }
        for (int i = 0; i < 3; i++) {
            scan.scan();
        }
        assertThat(outbox(customer, ComplaintSlaWarning.TYPE)).isEqualTo(1);
        assertThat(outbox(customer, ComplaintSlaBreached.TYPE)).isEqualTo(1);
    }

    @Test
    void aScanWhoseTransactionDiesLeavesNoMarkAndTheNextScanPublishesOnce() {
        UUID customer = UUID.randomUUID();
        UUID id = UUID.fromString(waitingComplaint(customer));
        Sql sql = Sql.on(dataSource);
        sql.update("UPDATE complaint SET resolution_due_at = now() - interval '1 second' WHERE id = ?", id);

        // One transaction: the clock restarts and a scan claims the breach, then the instance dies before commit.
        QuarkusTransaction.begin();
        try {
            Sql inTx = Sql.on(dataSource);
            inTx.update("UPDATE complaint SET paused_since = NULL WHERE id = ?", id);
            // The scheduler may hold the scan lock for a moment: scan until this transaction's scan ran.
            // Polled on this thread: the scans must run inside this transaction.
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInSameThread().pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                scan.scan();
                return inTx.count("SELECT count(*) FROM complaint WHERE id = ? AND resolution_breached_at IS NOT NULL", id) == 1;
            });
            assertThat(inTx.count("SELECT count(*) FROM rapport_outbox WHERE message_key = ? AND event_type = ?",
                    customer.toString(), ComplaintSlaBreached.TYPE)).isEqualTo(1);
        } finally {
            QuarkusTransaction.rollback();
        }
        assertThat(sql.count("SELECT count(*) FROM complaint WHERE id = ? AND resolution_breached_at IS NULL "
                + "AND paused_since IS NOT NULL", id)).isEqualTo(1);
        assertThat(outbox(customer, ComplaintSlaBreached.TYPE)).isZero();

        // Restarted: the breach is still due and goes out exactly once.
        sql.update("UPDATE complaint SET paused_since = NULL WHERE id = ?", id);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> outbox(customer, ComplaintSlaBreached.TYPE) == 1);
        for (int i = 0; i < 3; i++) {
            scan.scan();
        }
        assertThat(outbox(customer, ComplaintSlaBreached.TYPE)).isEqualTo(1);
        assertThat(outbox(customer, ComplaintSlaWarning.TYPE)).isZero();
    }

    @Test
    void twoInstancesClaimingAtOnceNeverClaimTheSameNotice() throws Exception {
        int n = 20;
        List<UUID> customers = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID customer = UUID.randomUUID();
            customers.add(customer);
            ids.add(UUID.fromString(AgentAndSlaTest.openComplaint(customer, category(), "normal")));
        }
        Sql sql = Sql.on(dataSource);
        // Both deadlines passed, unanswered: two breaches each (and no warnings) to claim.
        for (UUID id : ids) {
            sql.update("UPDATE complaint SET first_response_due_at = now() - interval '1 second', "
                    + "resolution_due_at = now() - interval '1 second' WHERE id = ?", id);
        }
        // Two instances claim row by row (bypassing the scan lock, as if it were not there) and hold their
        // claims open for a while; the scheduler is a third claimant that also publishes.
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<SlaNotice>>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                    start.await();
                    List<SlaNotice> claimed = claims.claim(Instant.now(), Duration.ofSeconds(4), 5_000);
                    Thread.sleep(300);
                    return claimed;
                })));
            }
            Set<String> seen = new HashSet<>();
            for (Future<List<SlaNotice>> run : runs) {
                for (SlaNotice notice : run.get()) {
                    if (ids.contains(notice.complaintId())) {
                        assertThat(seen.add(notice.complaintId() + " " + notice.deadline() + " " + notice.kind()))
                                .as("claimed twice: %s", notice).isTrue();
                        assertThat(notice.kind()).isEqualTo(SlaNotice.Kind.BREACH);
                    }
                }
            }
            // The scheduler may still be committing what it claimed.
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("SELECT count(*) FROM complaint "
                    + "WHERE id::text = ANY (?) AND first_response_breached_at IS NOT NULL AND resolution_breached_at IS NOT NULL",
                    (Object) ids.stream().map(UUID::toString).toArray(String[]::new)) == n);
            for (int i = 0; i < n; i++) {
                UUID customer = customers.get(i);
                UUID id = ids.get(i);
                long claimedHere = seen.stream().filter(s -> s.startsWith(id.toString())).count();
                assertThat(claimedHere + outbox(customer, ComplaintSlaBreached.TYPE)).as("complaint %s", id).isEqualTo(2);
                assertThat(outbox(customer, ComplaintSlaWarning.TYPE)).isZero();
                assertThat(sql.count("SELECT count(*) FROM complaint WHERE id = ? AND first_response_breached_at "
                        + "IS NOT NULL AND resolution_breached_at IS NOT NULL", id)).isEqualTo(1);
            }
        } finally {
            pool.shutdown();
        }
    }
}
