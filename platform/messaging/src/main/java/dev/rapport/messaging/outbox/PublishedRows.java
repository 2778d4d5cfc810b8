package dev.rapport.messaging.outbox;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which rows of a sent batch may be marked published. Order matters per key (one key = one partition of
 * a topic), so for each topic and key only the acknowledged rows before that key's first failure count:
 * a row acknowledged after a failed one of its key stays pending and is sent again behind it. Rows of
 * other keys are unaffected, so one slow partition does not make the relay resend everything else.
 */
final class PublishedRows {

    private PublishedRows() {
    }

    /** For each row in id order: whether it may be marked published. */
    static boolean[] markable(List<PendingEvent> rows, boolean[] acknowledged) {
        if (rows.size() != acknowledged.length) {
            throw new IllegalArgumentException(rows.size() + " rows but " + acknowledged.length + " results");
        }
        boolean[] markable = new boolean[acknowledged.length];
        Set<OrderingKey> blocked = new HashSet<>();
        for (int i = 0; i < acknowledged.length; i++) {
            OrderingKey key = new OrderingKey(rows.get(i).topic(), rows.get(i).key());
            if (blocked.contains(key)) {
                continue;
            }
            if (acknowledged[i]) {
                markable[i] = true;
            } else {
                blocked.add(key);
            }
        }
        return markable;
    }

    /** A null message key (an event without subject) is treated as one key of its own. */
    private record OrderingKey(String topic, String key) {
        OrderingKey {
            Objects.requireNonNull(topic, "topic");
        }
    }
}
