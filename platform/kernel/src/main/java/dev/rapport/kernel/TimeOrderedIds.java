package dev.rapport.kernel;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then a 42-bit counter, then 32 random
 * bits. New rows land at the end of the primary-key index instead of at random places, which keeps
 * inserts cheap. The counter (RFC 9562 §6.2, method 1) makes ids of one process strictly increasing
 * even within a millisecond: a bulk import creates hundreds of purchases per millisecond, and with
 * random bits there their index entries (and their lines') would still land out of order.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int COUNTER_BITS = 42;
    private static final long COUNTER_MAX = (1L << COUNTER_BITS) - 1;

    private static long lastMillis = -1;
    private static long counter;

    private TimeOrderedIds() {
    }

    public static UUID next() {
        long millis;
        long count;
        synchronized (TimeOrderedIds.class) {
            millis = Math.max(System.currentTimeMillis(), lastMillis);
            if (millis == lastMillis && counter < COUNTER_MAX) {
                counter++;
            } else {
                if (millis == lastMillis) {
                    millis++; // counter exhausted within this millisecond: borrow the next one
                }
                // A fresh random start per millisecond, with the top bit clear so it can still count up.
                counter = RANDOM.nextLong() & (COUNTER_MAX >>> 1);
                lastMillis = millis;
            }
            count = counter;
        }
        return compose(millis, count, RANDOM.nextInt());
    }

    /** An id for {@code instant} with a random counter; the order among ids of the same millisecond is random. */
    static UUID at(Instant instant) {
        return compose(instant.toEpochMilli(), RANDOM.nextLong() & COUNTER_MAX, RANDOM.nextInt());
    }

    private static UUID compose(long millis, long counter, int random) {
        long msb = (millis << 16) | (0x7L << 12) | (counter >>> 30);
        long lsb = 0x8000_0000_0000_0000L | ((counter & 0x3FFF_FFFFL) << 32) | (random & 0xFFFF_FFFFL);
        return new UUID(msb, lsb);
    }
}
