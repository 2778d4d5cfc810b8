package dev.rapport.segmentation.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.customer.CustomerEvents;
import dev.rapport.events.customer.PurchaseRecorded;
import dev.rapport.events.customer.PurchaseReturned;
import dev.rapport.events.segmentation.SegmentChanged;
import dev.rapport.messaging.consumer.PoisonEventException;
import dev.rapport.testing.Sql;

/**
 * The events of one poll applied together (batch mode), against the real database: the same rows as one
 * transaction per event, each customer re-scored once, its net change published once.
 */
@QuarkusTest
class PollBatchTest {

    private static final String SCORE_ROW = """
            SELECT concat_ws('|', first_purchase_date, last_purchase_date, frequency, monetary, recent_spend,
              previous_spend) FROM seg_score WHERE customer_id = ?""";

    @Inject
    SegmentationEventsHandler handler;

    @Inject
    DataSource dataSource;

    @Test
    void aPollOfPurchasesStoresWhatOneTransactionPerEventStoresAndPublishesTheNetChangeOnce() {
        UUID batched = UUID.randomUUID();
        UUID oneByOne = UUID.randomUUID();
        Instant now = Instant.now();
        List<Object[]> bought = List.of(new Object[] {"40.00", now.minus(400, ChronoUnit.DAYS)},
                new Object[] {"25.50", now.minus(20, ChronoUnit.DAYS)}, new Object[] {"0.00", now},
                new Object[] {"99.99", now.minus(2, ChronoUnit.DAYS)});

        List<CloudEvent> poll = bought.stream().map(b -> purchase(batched, (String) b[0], (Instant) b[1])).toList();
        QuarkusTransaction.requiringNew().run(() -> handler.handleAll(poll));
        for (Object[] b : bought) {
            CloudEvent single = purchase(oneByOne, (String) b[0], (Instant) b[1]);
            QuarkusTransaction.requiringNew().run(() -> handler.handle(single));
        }

        assertThat(sql().strings(SCORE_ROW, batched)).singleElement().isEqualTo(sql().strings(SCORE_ROW, oneByOne).get(0));
        assertThat(sql().strings(SCORE_ROW, batched).get(0)).contains("|3|165.49|");
        // one by one, the first purchase (400 days ago) and the recent ones move the customer twice
        assertThat(mostChangesOfOneType(oneByOne)).isGreaterThanOrEqualTo(2);
        assertThat(mostChangesOfOneType(batched)).as("the net change of each kind, once").isEqualTo(1);
        assertThat(segmentChanges(batched)).as("from no segment to the final one").isEqualTo(1);
    }

    @Test
    void aPollOfSeveralCustomersPurchasesKeepsWhatOneTransactionPerEventKeeps() {
        Instant now = Instant.now();
        UUID[] batched = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        UUID[] oneByOne = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        for (UUID[] side : List.of(batched, oneByOne)) {
            // the fourth customer bought before: its stored purchase counts with the new one
            CloudEvent earlier = purchase(side[3], "70.00", now.minus(200, ChronoUnit.DAYS));
            QuarkusTransaction.requiringNew().run(() -> handler.handle(earlier));
        }
        List<CloudEvent> poll = mixedPoll(batched, now);
        QuarkusTransaction.requiringNew().run(() -> handler.handleAll(poll));
        for (CloudEvent single : mixedPoll(oneByOne, now)) {
            QuarkusTransaction.requiringNew().run(() -> handler.handle(single));
        }

        String totals = "SELECT concat_ws('|', first_at, last_at, purchases, monetary) FROM seg_customer_totals "
                + "WHERE customer_id = ?";
        for (int i = 0; i < batched.length; i++) {
            assertThat(sql().strings(SCORE_ROW, batched[i])).isEqualTo(sql().strings(SCORE_ROW, oneByOne[i]));
            assertThat(sql().strings(totals, batched[i])).isEqualTo(sql().strings(totals, oneByOne[i]));
        }
        assertThat(sql().strings(totals, batched[0])).singleElement().asString()
                .as("the purchase sent twice counts once").endsWith("|2|20.50");
        assertThat(sql().count("SELECT count(*) FROM seg_purchase WHERE customer_id = ?", batched[0])).isEqualTo(2);
        assertThat(sql().strings(totals, batched[2])).as("no counting purchase, no totals").isEmpty();
        assertThat(sql().strings(totals, batched[3])).singleElement().asString().endsWith("|2|85.00");
        assertThat(sql().count("""
                SELECT count(*) FROM seg_run r JOIN seg_current_run c ON c.run_id = r.run_id
                WHERE r.customers = (SELECT count(*) FROM seg_score)
                  AND r.total_monetary = (SELECT coalesce(sum(monetary), 0) FROM seg_score)
                """)).as("the run's n and T moved by every row written together").isEqualTo(1);
    }

    /** Purchases of four customers, interleaved, one of them sent twice. */
    private static List<CloudEvent> mixedPoll(UUID[] customers, Instant now) {
        UUID twice = UUID.randomUUID();
        return List.of(purchase(customers[0], "12.00", now.minus(30, ChronoUnit.DAYS)),
                purchase(customers[1], "40.00", now.minus(10, ChronoUnit.DAYS)),
                purchase(customers[0], twice, "8.50", now.minus(5, ChronoUnit.DAYS)),
                purchase(customers[2], "0.00", now.minus(3, ChronoUnit.DAYS)),
                purchase(customers[3], "15.00", now.minus(1, ChronoUnit.DAYS)),
                purchase(customers[0], twice, "8.50", now.minus(5, ChronoUnit.DAYS)));
    }

    @Test
    void otherEventsOfThePollApplyInTheirPlaceBetweenThePurchases() {
        UUID customer = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        Instant now = Instant.now();
        CloudEvent bought = purchase(customer, first, "60.00", now.minus(3, ChronoUnit.DAYS));
        // the return needs its purchase stored before it, so the purchases before it must be applied first
        CloudEvent returned = CloudEvent.of(CustomerEvents.SOURCE, PurchaseReturned.TYPE, customer.toString(),
                new PurchaseReturned(customer, first, "O-" + first, UUID.randomUUID(), "R-1", new BigDecimal("10.00"),
                        "GBP", now.minus(1, ChronoUnit.DAYS), "damaged"));
        CloudEvent returnedAgain = CloudEvent.of(CustomerEvents.SOURCE, PurchaseReturned.TYPE, customer.toString(),
                new PurchaseReturned(customer, first, "O-" + first, UUID.randomUUID(), "R-2", new BigDecimal("5.00"),
                        "GBP", now.minus(1, ChronoUnit.DAYS), "wrong size"));
        CloudEvent later = purchase(customer, "15.00", now.minus(1, ChronoUnit.DAYS));

        QuarkusTransaction.requiringNew().run(() -> handler.handleAll(List.of(bought, returned, returned,
                returnedAgain, later)));

        assertThat(sql().strings("SELECT amount::text FROM seg_return WHERE purchase_id = ?", first))
                .as("each return once, the one sent twice too").containsExactlyInAnyOrder("5.00", "10.00");
        assertThat(sql().strings("SELECT frequency || '|' || monetary FROM seg_score WHERE customer_id = ?", customer))
                .containsExactly("2|75.00");
    }

    @Test
    void aPurchaseWithoutItsCustomerFailsThePollAndStoresNothingOfIt() {
        UUID customer = UUID.randomUUID();
        CloudEvent fine = purchase(customer, "30.00", Instant.now().minus(1, ChronoUnit.DAYS));
        CloudEvent broken = CloudEvent.of(CustomerEvents.SOURCE, PurchaseRecorded.TYPE, customer.toString(),
                new PurchaseRecorded(null, UUID.randomUUID(), "O-x", new BigDecimal("5.00"), "GBP", Instant.now(), 1));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> handler.handleAll(List.of(fine, broken))))
                .isInstanceOf(PoisonEventException.class);
        assertThat(sql().count("SELECT count(*) FROM seg_purchase WHERE customer_id = ?", customer))
                .as("the poll rolls back as a whole; the library then applies its events one by one").isZero();
    }

    @Test
    void aPollOfSignalsKeepsTheLatestActivityAndPublishesEachCustomersNetChangeOnce() {
        UUID customer = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CloudEvent bought = purchase(customer, "80.00", now.minus(30, ChronoUnit.DAYS));
        QuarkusTransaction.requiringNew().run(() -> handler.handle(bought));
        long lastBefore = sql().count("SELECT max(id) FROM rapport_outbox");
        List<CloudEvent> poll = List.of(loyalty(customer, "member-enrolled", now.minus(3, ChronoUnit.DAYS)),
                loyalty(customer, "points-earned", now.minus(1, ChronoUnit.DAYS)),
                loyalty(customer, "points-earned", now.minus(2, ChronoUnit.DAYS)));

        QuarkusTransaction.requiringNew().run(() -> handler.handleAll(poll));

        assertThat(sql().strings("SELECT loyalty_member || '|' || (last_loyalty_activity = ?) FROM seg_signal"
                + " WHERE customer_id = ?", java.sql.Timestamp.from(now.minus(1, ChronoUnit.DAYS)), customer))
                .containsExactly("true|true");
        assertThat(sql().count("""
                SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM rapport_outbox
                  WHERE message_key = ? AND id > ? GROUP BY event_type) t""", customer.toString(), lastBefore))
                .as("no kind of change published twice for one poll").isLessThanOrEqualTo(1);
    }

    @Test
    void aPollOfEverySignalKindStoresWhatOneTransactionPerEventStores() {
        UUID batched = UUID.randomUUID();
        UUID oneByOne = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (UUID customer : List.of(batched, oneByOne)) {
            CloudEvent bought = purchase(customer, "80.00", now.minus(30, ChronoUnit.DAYS));
            QuarkusTransaction.requiringNew().run(() -> handler.handle(bought));
        }
        // a resolution before any opening: the open count stays at zero, then counts the two openings
        List<java.util.function.Function<UUID, CloudEvent>> signals = List.of(
                c -> feedback(c, "complaint-resolved", now.minus(9, ChronoUnit.DAYS), "withinSla", false),
                c -> feedback(c, "nps-answered", now.minus(8, ChronoUnit.DAYS), "score", 3),
                c -> feedback(c, "complaint-opened", now.minus(7, ChronoUnit.DAYS), "priority", 1),
                c -> loyalty(c, "points-expired", now.minus(6, ChronoUnit.DAYS)),
                c -> feedback(c, "feedback-received", now.minus(5, ChronoUnit.DAYS), "rating", 2),
                c -> loyalty(c, "points-earned", now.minus(1, ChronoUnit.DAYS)),
                c -> feedback(c, "nps-answered", now.minus(4, ChronoUnit.DAYS), "score", 9),
                c -> loyalty(c, "points-earned", now.minus(3, ChronoUnit.DAYS)),
                c -> feedback(c, "complaint-opened", now.minus(2, ChronoUnit.DAYS), "priority", 1),
                c -> feedback(c, "complaint-sla-breached", now.minus(2, ChronoUnit.DAYS), "priority", 1),
                c -> loyalty(c, "points-expired", now.minus(1, ChronoUnit.DAYS)),
                c -> feedback(c, "feedback-received", now, "rating", 4));

        List<CloudEvent> poll = signals.stream().map(f -> f.apply(batched)).toList();
        QuarkusTransaction.requiringNew().run(() -> handler.handleAll(poll));
        for (var signal : signals) {
            CloudEvent single = signal.apply(oneByOne);
            QuarkusTransaction.requiringNew().run(() -> handler.handle(single));
        }

        String row = """
                SELECT concat_ws('|', last_nps, last_csat, open_complaints, breached_complaints, last_loyalty_activity,
                  points_expired, loyalty_member) FROM seg_signal WHERE customer_id = ?""";
        assertThat(sql().strings(row, batched)).singleElement().isEqualTo(sql().strings(row, oneByOne).get(0));
        assertThat(sql().strings("SELECT concat_ws('|', last_nps, last_csat, open_complaints, breached_complaints, "
                + "points_expired, loyalty_member, last_loyalty_activity = ?) FROM seg_signal WHERE customer_id = ?",
                java.sql.Timestamp.from(now.minus(1, ChronoUnit.DAYS)), batched)).containsExactly("9|4|2|2|10|t|t");
    }

    private static CloudEvent feedback(UUID customer, String name, Instant at, String field, Object value) {
        var data = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("customerId", customer.toString()).put("occurredAt", at.toString());
        if (value instanceof Integer i) {
            data.put(field, i);
        } else {
            data.put(field, (Boolean) value);
        }
        return CloudEvent.of("/feedback-service", "rapport.feedback." + name + ".v1", customer.toString(), data);
    }

    private static CloudEvent loyalty(UUID customer, String name, Instant at) {
        return CloudEvent.of("/loyalty-service", "rapport.loyalty." + name + ".v1", customer.toString(),
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                        .put("customerId", customer.toString()).put("occurredAt", at.toString()).put("points", 5));
    }

    private static CloudEvent purchase(UUID customer, String total, Instant at) {
        return purchase(customer, UUID.randomUUID(), total, at);
    }

    private static CloudEvent purchase(UUID customer, UUID purchaseId, String total, Instant at) {
        return CloudEvent.of(CustomerEvents.SOURCE, PurchaseRecorded.TYPE, customer.toString(),
                new PurchaseRecorded(customer, purchaseId, "O-" + purchaseId, new BigDecimal(total), "GBP", at, 1));
    }

    private long segmentChanges(UUID customer) {
        return sql().count("SELECT count(*) FROM rapport_outbox WHERE message_key = ? AND event_type = ?",
                customer.toString(), SegmentChanged.TYPE);
    }

    private long mostChangesOfOneType(UUID customer) {
        return sql().count("""
                SELECT max(n) FROM (SELECT count(*) AS n FROM rapport_outbox WHERE message_key = ? GROUP BY event_type) t
                """, customer.toString());
    }

    private Sql sql() {
        return Sql.on(dataSource);
    }
}
