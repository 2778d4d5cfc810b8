package dev.rapport.systemtests;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a condition holds: events travel through Kafka, so effects arrive a little later. */
final class Await {

    private Await() {
    }

    static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        Throwable lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = probe.get();
                if (done.test(last)) {
                    return last;
                }
                lastError = null;
            } catch (RuntimeException e) {
                lastError = e;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        AssertionError failure = new AssertionError("not within " + timeout.toSeconds() + " s: " + what + " (last: " + last + ")");
        if (lastError != null) {
            failure.initCause(lastError);
        }
        throw failure;
    }

    static <T> T until(String what, Supplier<T> probe, Predicate<T> done) {
        return until(what, Duration.ofSeconds(60), probe, done);
    }
}
