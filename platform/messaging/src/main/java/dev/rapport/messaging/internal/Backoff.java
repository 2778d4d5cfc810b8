package dev.rapport.messaging.internal;

import java.time.Duration;
import java.util.Objects;

/** Exponential backoff: {@code initial * 2^(failures - 1)}, capped at {@code max}. */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff must be positive, was " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max backoff " + max + " is below initial backoff " + initial);
        }
    }

    /** The pause after the given number of consecutive failures (1 = the first failure). */
    public Duration delay(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, was " + failures);
        }
        int doublings = Math.min(failures - 1, 62);
        long initialNanos = initial.toNanos();
        // Compare before shifting so that a long run of failures cannot overflow.
        if (initialNanos > (max.toNanos() >> doublings)) {
            return max;
        }
        return Duration.ofNanos(initialNanos << doublings);
    }
}
