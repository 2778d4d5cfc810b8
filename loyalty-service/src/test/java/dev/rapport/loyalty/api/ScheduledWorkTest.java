package dev.rapport.loyalty.api;

import static dev.rapport.loyalty.api.Members.account;
import static dev.rapport.loyalty.api.Members.earnAvailable;
import static dev.rapport.loyalty.api.Members.ledger;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.Topics;
import dev.rapport.events.loyalty.PointsExpired;
import dev.rapport.events.loyalty.PointsExpiring;
import dev.rapport.events.loyalty.TierChanged;
import dev.rapport.events.loyalty.TierDowngradeWarning;
import dev.rapport.loyalty.application.port.in.scheduling.RunScheduledJobsUseCase;
import dev.rapport.testing.EventTopic;
import dev.rapport.testing.Sql;

/**
 * The scheduled work, run as two instances would: two rounds at once. Lots are aged in the database
 * (their dates are not part of the append-only ledger) instead of waiting a year.
 */
@QuarkusTest
class ScheduledWorkTest {

    @Inject
    DataSource dataSource;

    @Inject
    RunScheduledJobsUseCase jobs;

    /** Two rounds at once, as two instances would run them; then one more so at least one round did the work. */
    private void runTwiceAtOnce() {
        CompletableFuture<RunScheduledJobsUseCase.Report> a = CompletableFuture.supplyAsync(jobs::runDue);
        CompletableFuture<RunScheduledJobsUseCase.Report> b = CompletableFuture.supplyAsync(jobs::runDue);
        a.join();
        b.join();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jobs.runDue().ran());
    }

    @Test
    void duePointsExpireOnceOldestFirst() {
        try (EventTopic topic = EventTopic.subscribe(Topics.LOYALTY_EVENTS)) {
            UUID id = Members.register();
            earnAvailable(id, "30.00");
            earnAvailable(id, "70.00");
            Sql sql = Sql.on(dataSource);
            // The 30-point lot reaches its expiry date.
            sql.update("update point_lot set expires_at = now() - interval '1 minute' where customer_id = ? and points = 30", id);
            runTwiceAtOnce();
            runTwiceAtOnce();
            JsonPath ledger = ledger(id);
            assertThat(ledger.getList("items.type", String.class)).filteredOn("expire"::equals).hasSize(1);
            JsonPath account = account(id);
            assertThat(account.getLong("balance")).isEqualTo(70);
            assertThat(account.getLong("balances.expired")).isEqualTo(30);
            assertThat(account.getLong("balances.available")).isEqualTo(70);
            PointsExpired expired = topic.awaitType(id.toString(), PointsExpired.TYPE).dataAs(PointsExpired.class);
            assertThat(expired.points()).isEqualTo(30);
            assertThat(expired.balance()).isEqualTo(70);
            LedgerApiTest.assertBalanceIsLedgerSum(sql, id);
        }
    }

    @Test
    void membersAreRemindedOnceBeforePointsExpire() {
        try (EventTopic topic = EventTopic.subscribe(Topics.LOYALTY_EVENTS)) {
            UUID id = Members.register();
            earnAvailable(id, "40.00");
            Sql.on(dataSource).update("update point_lot set expires_at = now() + interval '5 days' where customer_id = ?", id);
            runTwiceAtOnce();
            runTwiceAtOnce();
            topic.awaitType(id.toString(), PointsExpiring.TYPE);
            List<CloudEvent> events = topic.during(id.toString(), Duration.ofSeconds(2));
            List<CloudEvent> reminders = events.stream().filter(e -> PointsExpiring.TYPE.equals(e.type())).toList();
            assertThat(reminders).hasSize(1);
            PointsExpiring reminder = reminders.getFirst().dataAs(PointsExpiring.class);
            assertThat(reminder.points()).isEqualTo(40);
            assertThat(account(id).getLong("nextExpiry.points")).isEqualTo(40);
        }
    }

    @Test
    void aBirthdayBonusIsGivenOncePerYear() {
        LocalDate today = java.time.Instant.now().atOffset(ZoneOffset.UTC).toLocalDate();
        UUID id = Members.register(UUID.randomUUID(), null, null, today.minusYears(30), null);
        UUID notYet = Members.register(UUID.randomUUID(), null, null, today.plusDays(3).minusYears(30), null);
        runTwiceAtOnce();
        runTwiceAtOnce();
        JsonPath ledger = ledger(id);
        assertThat(ledger.getList("items.type")).containsExactly("birthday-bonus");
        assertThat(ledger.getLong("items[0].points")).isEqualTo(200);
        assertThat(account(id).getLong("balances.available")).isEqualTo(200);
        assertThat(ledger(notYet).getList("items")).isEmpty();
    }

    @Test
    void onTheAnniversaryAMemberMovesDownOneTierOnceAndIsWarnedAhead() {
        try (EventTopic topic = EventTopic.subscribe(Topics.LOYALTY_EVENTS)) {
            Sql sql = Sql.on(dataSource);
            UUID gold = Members.register();
            sql.update("update loyalty_account set tier = 'Gold', opened_at = now() - interval '1 year' "
                    + "where customer_id = ?", gold);
            UUID silver = Members.register();
            sql.update("update loyalty_account set tier = 'Silver', opened_at = now() - interval '1 year' "
                    + "+ interval '10 days' where customer_id = ?", silver);
            runTwiceAtOnce();
            runTwiceAtOnce();
            assertThat(account(gold).getString("tier")).as("one tier down, once").isEqualTo("Silver");
            TierChanged down = topic.awaitType(gold.toString(), TierChanged.TYPE).dataAs(TierChanged.class);
            assertThat(down.direction()).isEqualTo("down");
            assertThat(down.previousTier()).isEqualTo("Gold");

            JsonPath warned = account(silver);
            assertThat(warned.getString("tier")).isEqualTo("Silver");
            assertThat(warned.getLong("progress.pointsToRetain")).isEqualTo(1000);
            topic.awaitType(silver.toString(), TierDowngradeWarning.TYPE);
            List<CloudEvent> warnings = topic.during(silver.toString(), Duration.ofSeconds(2)).stream()
                    .filter(e -> TierDowngradeWarning.TYPE.equals(e.type())).toList();
            assertThat(warnings).hasSize(1);
            TierDowngradeWarning warning = warnings.getFirst().dataAs(TierDowngradeWarning.class);
            assertThat(warning.downgradeTo()).isEqualTo("Bronze");
            assertThat(warning.pointsToRetain()).isEqualTo(1000);
            assertThat(warning.evaluatedOn().toString()).isEqualTo(warned.getString("progress.evaluatedOn"));
        }
    }
}
