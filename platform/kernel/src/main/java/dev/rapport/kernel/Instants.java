package dev.rapport.kernel;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Client-supplied points in time: absent means now; microseconds, as PostgreSQL keeps them. */
public final class Instants {

    private Instants() {
    }

    /**
     * {@code raw} or {@code now} when absent; refused when later than {@code now + tolerance}.
     *
     * @throws InvalidValueException when it lies further in the future than tolerated
     */
    public static Instant notInFuture(Instant raw, Instant now, Duration tolerance) {
        if (raw == null) {
            return now;
        }
        if (raw.isAfter(now.plus(tolerance))) {
            throw new InvalidValueException("must not be in the future");
        }
        return raw.truncatedTo(ChronoUnit.MICROS);
    }
}
