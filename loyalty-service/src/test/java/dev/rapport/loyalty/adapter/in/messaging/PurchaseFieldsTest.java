package dev.rapport.loyalty.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.events.customer.PurchaseRecorded;
import dev.rapport.loyalty.application.port.in.account.EarnPointsCommand;
import dev.rapport.messaging.consumer.PoisonEventException;

class PurchaseFieldsTest {

    private static final UUID CUSTOMER = UUID.fromString("0190b5a2-7c1e-7a3b-9d2e-4f5a6b7c8d9e");

    private static CloudEvent event(String data) {
        return EventJson.parse(("{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/test\","
                + "\"type\":\"" + PurchaseRecorded.TYPE + "\",\"data\":" + data + "}").getBytes());
    }

    @Test
    void aCanonicalPurchaseIsReadAsTheRecordBindingReadsIt() {
        CloudEvent event = event("{\"customerId\":\"" + CUSTOMER + "\",\"purchaseId\":\"" + UUID.randomUUID()
                + "\",\"orderId\":\"A-1\",\"total\":\"123.4500\",\"currency\":\"EUR\","
                + "\"occurredAt\":\"2026-05-06T07:08:09.123456Z\",\"lineCount\":2}");

        EarnPointsCommand read = PurchaseFields.read(event.data());

        PurchaseRecorded bound = event.dataAs(PurchaseRecorded.class);
        assertThat(read).isEqualTo(new EarnPointsCommand(bound.customerId(), bound.orderId(), bound.total(),
                bound.currency(), bound.occurredAt()));
        assertThat(read.total()).isEqualTo(new BigDecimal("123.4500"));
        assertThat(CustomerEventsHandler.earnCommand(event)).isEqualTo(read);
    }

    @Test
    void aPurchaseWithoutCurrencyIsReadWithoutOne() {
        EarnPointsCommand read = PurchaseFields.read(event("{\"customerId\":\"" + CUSTOMER
                + "\",\"orderId\":\"A-2\",\"total\":\"5\",\"occurredAt\":\"2026-05-06T07:08:09Z\"}").data());

        assertThat(read).isEqualTo(new EarnPointsCommand(CUSTOMER, "A-2", new BigDecimal("5"), null,
                Instant.parse("2026-05-06T07:08:09Z")));
    }

    @Test
    void otherShapesAreLeftToTheRecordBinding() {
        // a numeric total: the binding reads its exact text; the tree would hold a double
        CloudEvent numeric = event("{\"customerId\":\"" + CUSTOMER + "\",\"orderId\":\"A-3\",\"total\":0.1,"
                + "\"occurredAt\":\"2026-05-06T07:08:09Z\"}");
        assertThat(PurchaseFields.read(numeric.data())).isNull();
        assertThat(CustomerEventsHandler.earnCommand(numeric).total()).isEqualTo(new BigDecimal("0.1"));

        assertThat(PurchaseFields.read(event("{\"customerId\":\"not-a-uuid\",\"orderId\":\"A-4\",\"total\":\"1\","
                + "\"occurredAt\":\"2026-05-06T07:08:09Z\"}").data())).isNull();
        assertThat(PurchaseFields.read(event("{\"customerId\":\"" + CUSTOMER + "\",\"total\":\"1\","
                + "\"occurredAt\":\"2026-05-06T07:08:09Z\"}").data())).isNull();
        assertThat(PurchaseFields.read(event("[1, 2]").data())).isNull();
    }

    @Test
    void aPurchaseWithoutOrderIdIsStillPoison() {
        CloudEvent event = event("{\"customerId\":\"" + CUSTOMER + "\",\"total\":\"1\","
                + "\"occurredAt\":\"2026-05-06T07:08:09Z\"}");

        assertThatThrownBy(() -> CustomerEventsHandler.earnCommand(event)).isInstanceOf(PoisonEventException.class);
    }
}
