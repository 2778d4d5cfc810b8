package dev.rapport.customer.application.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

public final class Clocks {

    private Clocks() {
    }

    /** PostgreSQL keeps microseconds; truncating here makes what we return equal what we store. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
