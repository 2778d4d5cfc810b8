package dev.rapport.messaging.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A one-way stop flag whose pauses end early when it is raised, so shutdown never waits out a backoff. */
public final class StopSignal {

    private final CountDownLatch raised = new CountDownLatch(1);

    public void raise() {
        raised.countDown();
    }

    public boolean isRaised() {
        return raised.getCount() == 0;
    }

    /** Pauses for {@code duration}; returns {@code false} when the signal was raised meanwhile. */
    public boolean pause(Duration duration) {
        try {
            return !raised.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
