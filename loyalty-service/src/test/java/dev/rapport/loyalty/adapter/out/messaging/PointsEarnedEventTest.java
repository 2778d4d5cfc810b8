package dev.rapport.loyalty.adapter.out.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.events.loyalty.LoyaltyEvents;
import dev.rapport.events.loyalty.PointsEarned;
import dev.rapport.loyalty.domain.account.EntryType;
import dev.rapport.loyalty.domain.account.LedgerEntry;
import dev.rapport.loyalty.domain.account.PointLot;

class PointsEarnedEventTest {

    private static final ObjectMapper JSON = EventJson.mapper();

    @Test
    void theHandBuiltDataIsTheJsonOfThePointsEarnedRecord() throws JsonProcessingException {
        UUID customer = UUID.randomUUID();
        LedgerEntry entry = new LedgerEntry(UUID.randomUUID(), customer, EntryType.EARN, 1_234, 98_765, "purchase A-1",
                "order", "A-1", null, Instant.parse("2026-03-04T05:06:07.123456Z"), Instant.now());
        PointLot lot = new PointLot(UUID.randomUUID(), customer, entry.id(), 1_234, 1_234,
                Instant.parse("2026-04-03T05:06:07.123456Z"), Instant.parse("2027-03-04T05:06:07Z"), "A-1",
                new BigDecimal("12.34"), BigDecimal.ZERO, 0, 0);

        CloudEvent event = OutboxLoyaltyEventPublisher.earnedEvent(entry, lot, "A-1");

        PointsEarned record = new PointsEarned(customer, entry.id(), "earn", 1_234, "A-1", lot.availableAt(),
                lot.expiresAt(), 98_765, entry.occurredAt());
        assertThat(JSON.writeValueAsString(event.data())).isEqualTo(JSON.writeValueAsString(JSON.valueToTree(record)));
        assertThat(event.dataAs(PointsEarned.class)).isEqualTo(record);
        assertThat(event.type()).isEqualTo(PointsEarned.TYPE);
        assertThat(event.source()).isEqualTo(LoyaltyEvents.SOURCE);
        assertThat(event.subject()).isEqualTo(customer.toString());
    }

    @Test
    void aBonusWithoutOrderAndWholeSecondsGivesTheSameJsonAsTheRecord() throws JsonProcessingException {
        UUID customer = UUID.randomUUID();
        LedgerEntry entry = new LedgerEntry(UUID.randomUUID(), customer, EntryType.REFERRAL_BONUS, 500, -20,
                "referral", "referral", null, null, Instant.parse("2026-03-04T05:06:00Z"), Instant.now());
        PointLot lot = new PointLot(UUID.randomUUID(), customer, entry.id(), 500, 480, entry.occurredAt(),
                Instant.parse("2027-03-04T05:06:00Z"), null, null, BigDecimal.ZERO, 0, 0);

        CloudEvent event = OutboxLoyaltyEventPublisher.earnedEvent(entry, lot, null);

        PointsEarned record = new PointsEarned(customer, entry.id(), "referral-bonus", 500, null, lot.availableAt(),
                lot.expiresAt(), -20, entry.occurredAt());
        assertThat(JSON.writeValueAsString(event.data())).isEqualTo(JSON.writeValueAsString(JSON.valueToTree(record)));
        assertThat(event.dataAs(PointsEarned.class)).isEqualTo(record);
    }
}
