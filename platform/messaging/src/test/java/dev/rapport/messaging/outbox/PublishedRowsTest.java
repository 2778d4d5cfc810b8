package dev.rapport.messaging.outbox;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PublishedRowsTest {

    private static final String TOPIC = "rapport.customer.events";

    @Test
    void allAcknowledgedMarksTheWholeBatch() {
        List<PendingEvent> rows = List.of(row(1, "a"), row(2, "b"), row(3, "a"));

        assertArrayEquals(new boolean[] {true, true, true},
                PublishedRows.markable(rows, new boolean[] {true, true, true}));
    }

    @Test
    void aKeysRowsAfterItsFirstFailureStayPendingEvenIfAcknowledged() {
        List<PendingEvent> rows = List.of(row(1, "a"), row(2, "a"), row(3, "a"), row(4, "a"));

        assertArrayEquals(new boolean[] {true, false, false, false},
                PublishedRows.markable(rows, new boolean[] {true, false, true, true}));
    }

    @Test
    void otherKeysAreNotHeldBackByAFailure() {
        List<PendingEvent> rows = List.of(row(1, "a"), row(2, "b"), row(3, "a"), row(4, "b"), row(5, "c"));

        assertArrayEquals(new boolean[] {false, true, false, true, true},
                PublishedRows.markable(rows, new boolean[] {false, true, true, true, true}));
    }

    @Test
    void theSameKeyOnAnotherTopicIsAnotherPartitionAndIndependent() {
        List<PendingEvent> rows = List.of(row(1, "a"), new PendingEvent(2, "rapport.loyalty.events", "a", "{}"));

        assertArrayEquals(new boolean[] {false, true}, PublishedRows.markable(rows, new boolean[] {false, true}));
    }

    @Test
    void rowsWithoutKeyAreOrderedAmongThemselves() {
        List<PendingEvent> rows = List.of(row(1, null), row(2, null), row(3, "a"));

        assertArrayEquals(new boolean[] {false, false, true},
                PublishedRows.markable(rows, new boolean[] {false, true, true}));
    }

    @Test
    void refusesMismatchedInput() {
        assertThrows(IllegalArgumentException.class,
                () -> PublishedRows.markable(List.of(row(1, "a")), new boolean[] {true, true}));
    }

    private static PendingEvent row(long id, String key) {
        return new PendingEvent(id, TOPIC, key, "{}");
    }
}
