package dev.rapport.events;

import dev.rapport.events.customer.CustomerEvents;
import dev.rapport.events.customer.PurchaseRecorded;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloudEventTest {

    @Test
    void ofStampsIdTimeAndContentType() {
        Instant before = Instant.now().minusSeconds(1);
        CloudEvent a = CloudEvent.of(CustomerEvents.SOURCE, "rapport.customer.thing-happened.v1", "c-1", null);
        CloudEvent b = CloudEvent.of(CustomerEvents.SOURCE, "rapport.customer.thing-happened.v1", "c-1", null);

        assertNotEquals(a.id(), b.id());
        assertEquals("1.0", a.specversion());
        assertEquals("application/json", a.datacontenttype());
        assertTrue(a.time().isAfter(before));
    }

    @Test
    void idsOfNewEventsAreTimeOrdered() {
        CloudEvent previous = CloudEvent.of(CustomerEvents.SOURCE, "rapport.customer.thing-happened.v1", "c-1", null);
        for (int i = 0; i < 1000; i++) {
            CloudEvent next = CloudEvent.of(CustomerEvents.SOURCE, "rapport.customer.thing-happened.v1", "c-1", null);
            assertEquals(7, next.id().version());
            // the order PostgreSQL's uuid index uses: unsigned, most significant bits first
            assertTrue(Long.compareUnsigned(next.id().getMostSignificantBits(), previous.id().getMostSignificantBits()) > 0
                    || next.id().getMostSignificantBits() == previous.id().getMostSignificantBits()
                    && Long.compareUnsigned(next.id().getLeastSignificantBits(), previous.id().getLeastSignificantBits()) > 0);
            previous = next;
        }
    }

    @Test
    void envelopeWithoutRequiredAttributesIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new CloudEvent("0.3", UUID.randomUUID(), "/s", "t", null, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new CloudEvent("1.0", UUID.randomUUID(), " ", "t", null, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new CloudEvent("1.0", UUID.randomUUID(), "/s", null, null, null, null, null));
        assertThrows(NullPointerException.class,
                () -> new CloudEvent("1.0", null, "/s", "t", null, null, null, null));
    }

    @Test
    void parseRejectsWhatIsNotACloudEvent() {
        assertThrows(IllegalArgumentException.class, () -> EventJson.parse(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> EventJson.parse(bytes("not json")));
        assertThrows(IllegalArgumentException.class, () -> EventJson.parse(bytes("{\"specversion\":\"1.0\"}")));
        assertThrows(IllegalArgumentException.class,
                () -> EventJson.parse(bytes("{\"specversion\":\"1.0\",\"id\":\"not-a-uuid\",\"source\":\"/s\",\"type\":\"t\"}")));
    }

    @Test
    void dataOfTheWrongShapeIsAClearError() {
        CloudEvent event = EventJson.parse(bytes("""
                {"specversion":"1.0","id":"%s","source":"/s","type":"t","data":{"total":"not money"}}
                """.formatted(UUID.randomUUID())));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> event.dataAs(PurchaseRecorded.class));
        assertTrue(e.getMessage().contains("PurchaseRecorded"), e.getMessage());
    }

    @Test
    void timeKeepsMicrosecondsOnly() {
        Instant nanos = Instant.parse("2026-11-23T10:00:00.123456789Z");
        CloudEvent event = new CloudEvent("1.0", UUID.randomUUID(), "/s", "t", null, nanos, null, null);
        assertEquals(Instant.parse("2026-11-23T10:00:00.123456Z"), event.time());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
