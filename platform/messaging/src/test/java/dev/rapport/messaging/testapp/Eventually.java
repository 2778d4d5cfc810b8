package dev.rapport.messaging.testapp;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for asynchronous work (relay, consumer loops) to reach a state. */
public final class Eventually {

    /** Safety net, not a performance requirement: a healthy run needs a small fraction of it. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private Eventually() {
    }

    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + PATIENCE + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
