package dev.rapport.loyalty.api;

import static dev.rapport.loyalty.api.Members.earnAvailable;
import static dev.rapport.loyalty.api.Members.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.customer.ConsentChanged;
import dev.rapport.events.customer.CustomerRegistered;
import dev.rapport.loyalty.adapter.in.messaging.CustomerEventsHandler;
import dev.rapport.testing.Sql;

/** Customer events loyalty does not use pass by without a processed-event row; those it uses are recorded. */
@QuarkusTest
class IgnoredEventsTest {

    @Inject
    DataSource dataSource;

    @Test
    void consentPassesByWhileTheRegistrationAndPurchaseAroundItAreApplied() {
        UUID member = UUID.randomUUID();
        CloudEvent registered = Members.send(event(CustomerRegistered.TYPE, member, new CustomerRegistered(member, null,
                null, null, "Ada", "Lovelace", null, "web", null, null, List.of(), Instant.now())));
        CloudEvent consent = Members.send(event(ConsentChanged.TYPE, member,
                new ConsentChanged(member, "email", "marketing", "granted", "web-form", Instant.now())));
        earnAvailable(member, "10.00"); // same key: applied after both

        assertThat(processed(registered)).isEqualTo(1);
        assertThat(processed(consent)).isZero();
    }

    private long processed(CloudEvent event) {
        return Sql.on(dataSource).count("select count(*) from rapport_processed_event where consumer_group = ? "
                + "and event_id = ?", CustomerEventsHandler.CONSUMER_GROUP, event.id());
    }
}
