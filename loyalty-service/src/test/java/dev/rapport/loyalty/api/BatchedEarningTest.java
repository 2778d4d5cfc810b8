package dev.rapport.loyalty.api;

import static dev.rapport.loyalty.api.Members.awaitLedger;
import static dev.rapport.loyalty.api.Members.earnAvailable;
import static dev.rapport.loyalty.api.Members.event;
import static dev.rapport.loyalty.api.Members.register;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.events.Topics;
import dev.rapport.events.customer.PurchaseRecorded;
import dev.rapport.events.customer.PurchaseReturned;
import dev.rapport.events.loyalty.PointsEarned;
import dev.rapport.events.loyalty.PointsExpired;
import dev.rapport.events.loyalty.PointsReversed;
import dev.rapport.testing.Sql;

/**
 * Purchases that arrive together are earned in one batch: one earn per order however the events repeat
 * inside the batch, members without an account or without a first purchase handled alongside, purchases
 * older than the expiry period expiring in the same batch, returns reversed once each (never debiting points
 * that already expired), and every balance equal to its ledger.
 */
@QuarkusTest
class BatchedEarningTest {

    @Inject
    DataSource dataSource;

    @Test
    void purchasesArrivingTogetherEarnOncePerOrder() {
        UUID regular = register();
        earnAvailable(regular, "10.00");
        UUID other = register();
        earnAvailable(other, "10.00");
        UUID unknown = UUID.randomUUID(); // never registered: the first purchase opens the account
        UUID newcomer = register(); // no purchase yet: the first one is earned in the batch

        Instant at = Instant.now().minus(Duration.ofDays(40));
        List<CloudEvent> events = new ArrayList<>();
        List<String> regularOrders = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String order = "B-" + UUID.randomUUID();
            regularOrders.add(order);
            events.add(purchase(regular, order, i * 10 + ".00", at));
        }
        events.add(events.get(1)); // a redelivered copy of the same event
        events.add(purchase(regular, regularOrders.get(2), "30.00", at)); // a replay: same order, new event id
        String otherOrder = "B-" + UUID.randomUUID();
        events.add(purchase(other, otherOrder, "20.00", at));
        events.add(purchase(unknown, "B-" + UUID.randomUUID(), "15.00", at));
        events.add(purchase(unknown, "B-" + UUID.randomUUID(), "25.00", at));
        events.add(purchase(newcomer, "B-" + UUID.randomUUID(), "12.00", at));
        events.add(purchase(newcomer, "B-" + UUID.randomUUID(), "8.00", at.plus(Duration.ofDays(1))));
        sendTogether(events);

        awaitLedger(regular, json -> json.getList("items").size() == 6);
        awaitLedger(other, json -> json.getList("items").size() == 2);
        awaitLedger(unknown, json -> json.getList("items").size() == 2);
        awaitLedger(newcomer, json -> json.getList("items").size() == 2);

        Sql sql = Sql.on(dataSource);
        for (String order : regularOrders) {
            assertThat(sql.count("select count(*) from ledger_entry where customer_id = ? and source_id = ? and type = 'earn'",
                    regular, order)).as("one earn for " + order).isEqualTo(1);
        }
        assertThat(sql.count("select balance from loyalty_account where customer_id = ?", regular))
                .as("10 + 10 + 20 + 30 + 40 + 50").isEqualTo(160);
        assertThat(sql.count("select balance from loyalty_account where customer_id = ?", other)).isEqualTo(30);
        assertThat(sql.count("select balance from loyalty_account where customer_id = ?", unknown)).isEqualTo(40);
        assertThat(sql.longs("select running_balance from ledger_entry where customer_id = ? and type = 'earn' "
                + "order by recorded_at, id", regular)).containsExactly(10L, 20L, 40L, 70L, 110L, 160L);
        assertThat(sql.count("select count(distinct recorded_at) from ledger_entry where customer_id = ? "
                + "and source_id = any(?::text[])", regular, regularOrders.toArray(String[]::new)))
                .as("the five purchases were earned together, in one batch").isEqualTo(1);
        assertThat(sql.count("select count(*) from rapport_outbox where message_key = ? and event_type = ?",
                regular.toString(), PointsEarned.TYPE)).as("one points-earned per earn").isEqualTo(6);
        assertThat(sql.count("select balance from loyalty_account where customer_id = ?", newcomer)).isEqualTo(20);
        assertThat(sql.strings("select (first_purchase_at = ?::timestamptz)::text from loyalty_account "
                + "where customer_id = ?", at.toString(), newcomer)).as("the first purchase's date").containsExactly("true");
        for (UUID id : List.of(regular, other, unknown, newcomer)) {
            LedgerApiTest.assertBalanceIsLedgerSum(sql, id);
        }
    }

    @Test
    void aBatchRaisesTheTierWithThePointsOfAMergedAccountCounted() {
        UUID survivor = register();
        earnAvailable(survivor, "10.00");
        UUID duplicate = register();
        earnAvailable(duplicate, "600.00");
        Members.merged(survivor, duplicate);
        awaitLedger(survivor, json -> json.getList("items.type").contains("merge-in"));
        assertThat(Members.account(survivor).getString("tier")).as("10 + 600 qualifying points").isEqualTo("Bronze");

        // 400 more in one batch: 410 of the survivor's own, 1,010 with the merged account's: Silver.
        Instant at = Instant.now().minus(Duration.ofDays(40));
        sendTogether(List.of(purchase(survivor, "B-" + UUID.randomUUID(), "200.00", at),
                purchase(survivor, "B-" + UUID.randomUUID(), "200.00", at)));
        Members.awaitAccount(survivor, json -> "Silver".equals(json.getString("tier")));

        // The bound that spares most members the window's aggregate is every positive qualifying point of
        // the account, written with the batch's COPY as with a single insert.
        Sql sql = Sql.on(dataSource);
        for (UUID id : List.of(survivor, duplicate)) {
            assertThat(sql.count("select qualifying_bound from loyalty_account where customer_id = ?", id))
                    .isEqualTo(sql.count("select coalesce(sum(points), 0) from ledger_entry where customer_id = ? "
                            + "and points > 0 and type in ('earn', 'reverse', 'referral-bonus', 'birthday-bonus')", id));
        }
        assertThat(sql.count("select qualifying_bound from loyalty_account where customer_id = ?", survivor))
                .isEqualTo(410);
        LedgerApiTest.assertBalanceIsLedgerSum(sql, survivor);
    }

    @Test
    void purchasesOlderThanTheExpiryPeriodEarnAndExpireInTheBatch() {
        UUID member = register();
        earnAvailable(member, "10.00");
        Instant old = Instant.now().minus(Duration.ofDays(800)); // the expiry period is 12 months
        List<String> orders = List.of("B-" + UUID.randomUUID(), "B-" + UUID.randomUUID(), "B-" + UUID.randomUUID());
        sendTogether(List.of(purchase(member, orders.get(0), "20.00", old), purchase(member, orders.get(1), "30.00", old),
                purchase(member, orders.get(2), "40.00", old)));
        awaitLedger(member, json -> json.getList("items").size() == 7);

        Sql sql = Sql.on(dataSource);
        assertThat(sql.longs("select points from ledger_entry where customer_id = ? order by recorded_at, id", member))
                .as("each old purchase earns, then expires").containsExactly(10L, 20L, -20L, 30L, -30L, 40L, -40L);
        assertThat(sql.longs("select running_balance from ledger_entry where customer_id = ? order by recorded_at, id",
                member)).containsExactly(10L, 30L, 10L, 40L, 10L, 50L, 10L);
        assertThat(sql.count("select count(distinct recorded_at) from ledger_entry where customer_id = ? "
                + "and (source_id = any(?::text[]) or type = 'expire')", member, orders.toArray(String[]::new)))
                .as("earned and expired in one batch").isEqualTo(1);
        assertThat(sql.count("select count(*) from point_lot where customer_id = ? and order_id = any(?::text[]) "
                + "and remaining = 0", member, orders.toArray(String[]::new))).isEqualTo(3);
        assertThat(sql.strings("select event_type from rapport_outbox where message_key = ? and event_type in (?, ?) "
                + "order by id", member.toString(), PointsEarned.TYPE, PointsExpired.TYPE))
                .containsExactly(PointsEarned.TYPE, PointsEarned.TYPE, PointsExpired.TYPE, PointsEarned.TYPE,
                        PointsExpired.TYPE, PointsEarned.TYPE, PointsExpired.TYPE);
        assertThat(sql.count("select balance from loyalty_account where customer_id = ?", member)).isEqualTo(10);
        LedgerApiTest.assertBalanceIsLedgerSum(sql, member);
    }

    @Test
    void returnsArrivingTogetherTakeBackOncePerReturn() {
        UUID member = register();
        String first = earnAvailable(member, "100.00");
        String second = earnAvailable(member, "50.00");
        UUID once = UUID.randomUUID();
        CloudEvent partial = returned(member, first, once, "30.00");
        sendTogether(List.of(partial, partial, returned(member, first, UUID.randomUUID(), "20.00"),
                returned(member, second, UUID.randomUUID(), "50.00"), returned(member, "O-unknown", UUID.randomUUID(), "5.00")));
        awaitLedger(member, json -> json.getList("items").size() == 5);

        Sql sql = Sql.on(dataSource);
        assertThat(sql.longs("select points from ledger_entry where customer_id = ? and type = 'reverse' "
                + "order by recorded_at, id", member)).containsExactly(-30L, -20L, -50L);
        assertThat(sql.count("select count(distinct recorded_at) from ledger_entry where customer_id = ? "
                + "and type = 'reverse'", member)).as("reversed in one batch").isEqualTo(1);
        assertThat(sql.strings("select concat_ws('|', remaining, returned_amount, reversed_points) from point_lot "
                + "where customer_id = ? order by order_id = ? desc", member, first)).containsExactly("50|50.0000|50", "0|50.0000|50");
        assertThat(sql.count("select count(*) from rapport_outbox where message_key = ? and event_type = ?",
                member.toString(), PointsReversed.TYPE)).isEqualTo(3);
        assertThat(sql.count("select balance from loyalty_account where customer_id = ?", member)).isEqualTo(50);
        LedgerApiTest.assertBalanceIsLedgerSum(sql, member);
    }

    @Test
    void aReturnOfAnOrderWhosePointsExpiredDebitsNothingAgain() {
        UUID member = register();
        String recent = earnAvailable(member, "10.00");
        String old = "B-" + UUID.randomUUID();
        sendTogether(List.of(purchase(member, old, "20.00", Instant.now().minus(Duration.ofDays(800)))));
        awaitLedger(member, json -> json.getList("items").size() == 3);
        Sql sql = Sql.on(dataSource);
        assertThat(sql.count("select expired_points from point_lot where customer_id = ? and order_id = ?", member, old))
                .isEqualTo(20);

        sendTogether(List.of(returned(member, old, UUID.randomUUID(), "20.00"),
                returned(member, recent, UUID.randomUUID(), "5.00")));
        awaitLedger(member, json -> json.getList("items").size() >= 4);

        assertThat(sql.longs("select points from ledger_entry where customer_id = ? and type = 'reverse'", member))
                .as("the old order's 20 points were lost when they expired: only the recent return debits")
                .containsExactly(-5L);
        assertThat(sql.strings("select concat_ws('|', remaining, expired_points, returned_amount, reversed_points) "
                + "from point_lot where customer_id = ? and order_id = ?", member, old)).containsExactly("0|0|20.0000|20");
        assertThat(sql.strings("select concat_ws('|', balance, debt) from loyalty_account where customer_id = ?", member))
                .containsExactly("5|0");
        assertThat(sql.count("select count(*) from rapport_outbox where message_key = ? and event_type = ?",
                member.toString(), PointsReversed.TYPE)).isEqualTo(1);
        LedgerApiTest.assertBalanceIsLedgerSum(sql, member);
    }

    private static CloudEvent returned(UUID customerId, String orderId, UUID returnId, String amount) {
        return event(PurchaseReturned.TYPE, customerId, new PurchaseReturned(customerId, UUID.randomUUID(), orderId,
                returnId, "R-" + returnId, new BigDecimal(amount), "EUR", Instant.now(), "damaged"));
    }

    private static CloudEvent purchase(UUID customerId, String orderId, String total, Instant at) {
        return event(PurchaseRecorded.TYPE, customerId, new PurchaseRecorded(customerId, UUID.randomUUID(), orderId,
                new BigDecimal(total), "EUR", at, 1));
    }

    /** One Kafka transaction: the consumer sees all of them at once, in one poll. */
    private static void sendTogether(List<CloudEvent> events) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "batched-earning-test-" + UUID.randomUUID());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (CloudEvent e : events) {
                producer.send(new ProducerRecord<>(Topics.CUSTOMER_EVENTS, e.subject(), EventJson.toBytes(e)));
            }
            producer.commitTransaction();
        }
    }
}
