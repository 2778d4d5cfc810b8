package dev.rapport.feedback.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.events.Topics;
import dev.rapport.events.customer.ConsentChanged;
import dev.rapport.events.customer.CustomerEvents;
import dev.rapport.events.customer.PurchaseRecorded;
import dev.rapport.events.loyalty.LoyaltyEvents;
import dev.rapport.events.loyalty.PointsExpired;
import dev.rapport.events.loyalty.TierChanged;
import dev.rapport.testing.Sql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Events of a type feedback-service does not use pass by: no transaction, no processed-event row, while the
 * ones it uses, behind them on the same key, are applied and recorded once.
 */
@QuarkusTest
class IgnoredEventsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void purchasesPassByWhileConsentBehindThemIsApplied() {
        UUID customer = UUID.randomUUID();
        Instant now = Instant.now();
        CloudEvent purchase = CloudEvent.of(CustomerEvents.SOURCE, PurchaseRecorded.TYPE, customer.toString(),
                new PurchaseRecorded(customer, UUID.randomUUID(), "O-1", new BigDecimal("10.00"), "EUR", now, 1));
        CloudEvent consent = CloudEvent.of(CustomerEvents.SOURCE, ConsentChanged.TYPE, customer.toString(),
                new ConsentChanged(customer, "email", "marketing", "granted", "web-form", now));
        CustomerEventsProducer.send(Topics.CUSTOMER_EVENTS, customer.toString(), EventJson.toBytes(purchase));
        CustomerEventsProducer.send(Topics.CUSTOMER_EVENTS, customer.toString(), EventJson.toBytes(consent));

        Sql sql = Sql.on(dataSource);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> sql.count("SELECT count(*) FROM consent WHERE customer_id = ?", customer) == 1);
        assertThat(processed("feedback-service", consent)).isEqualTo(1);
        assertThat(processed("feedback-service", purchase)).isZero();
    }

    @Test
    void pointsEventsPassByWhileATierChangeBehindThemIsApplied() {
        UUID customer = UUID.randomUUID();
        Instant now = Instant.now();
        CloudEvent expired = CloudEvent.of(LoyaltyEvents.SOURCE, PointsExpired.TYPE, customer.toString(),
                new PointsExpired(customer, UUID.randomUUID(), 40, 0, now));
        CloudEvent tier = CustomerClassTest.tier(customer, "Bronze", "Silver", now);
        CustomerClassTest.publish(Topics.LOYALTY_EVENTS, expired);
        CustomerClassTest.publish(Topics.LOYALTY_EVENTS, tier);

        Sql sql = Sql.on(dataSource);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sql.count(
                "SELECT count(*) FROM customer_class WHERE customer_id = ? AND loyalty_tier = 'Silver'", customer) == 1);
        assertThat(processed("feedback-service.customer-class", tier)).isEqualTo(1);
        assertThat(processed("feedback-service.customer-class", expired)).isZero();
    }

    private long processed(String group, CloudEvent event) {
        return Sql.on(dataSource).count("SELECT count(*) FROM rapport_processed_event WHERE consumer_group = ? "
                + "AND event_id = ?", group, event.id());
    }
}
