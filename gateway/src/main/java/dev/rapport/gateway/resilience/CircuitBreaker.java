package dev.rapport.gateway.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A count-based circuit breaker for one upstream.
 *
 * <p>Why not SmallRye Fault Tolerance: its guards wrap a call (a {@code CompletionStage}) and
 * decide on the result, while a streaming proxy learns the outcome of an exchange in pieces
 * (connect, response head, body) on a Vert.x event loop, and a streaming response is already on
 * its way to the client when the outcome is known. This breaker only answers "may I call?" and is
 * told the outcome; it does no scheduling, so it never moves work off the event loop.
 *
 * <p>CLOSED: calls pass; the last {@code windowSize} outcomes are kept, and when at least
 * {@code minimumCalls} are known and the failure ratio reaches {@code failureRatio} it opens.
 * OPEN: calls are refused for {@code openDuration}. HALF_OPEN: up to {@code halfOpenCalls} trial
 * calls pass; that many successes close it, one failure opens it again. A trial whose outcome is
 * never reported (client went away) stops blocking after another {@code openDuration}.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    public record Settings(int windowSize, int minimumCalls, double failureRatio, Duration openDuration,
                           int halfOpenCalls) {
        public Settings {
            if (windowSize < 1) {
                throw new IllegalArgumentException("windowSize must be at least 1");
            }
            if (minimumCalls < 1 || minimumCalls > windowSize) {
                throw new IllegalArgumentException("minimumCalls must be between 1 and windowSize");
            }
            if (!(failureRatio > 0 && failureRatio <= 1)) {
                throw new IllegalArgumentException("failureRatio must be in (0, 1]");
            }
            Objects.requireNonNull(openDuration, "openDuration");
            if (openDuration.isNegative() || openDuration.isZero()) {
                throw new IllegalArgumentException("openDuration must be positive");
            }
            if (halfOpenCalls < 1) {
                throw new IllegalArgumentException("halfOpenCalls must be at least 1");
            }
        }
    }

    private final String name;
    private final Settings settings;
    private final LongSupplier nanoClock;
    private final long openNanos;

    // Ring buffer of the last outcomes (true = failure), guarded by this.
    private final boolean[] outcomes;
    private int recorded;
    private int next;
    private int failures;

    private State state = State.CLOSED;
    private long openedAt;
    private int trialsStarted;
    private int trialSuccesses;
    private long lastTrialAt;

    public CircuitBreaker(String name, Settings settings) {
        this(name, settings, System::nanoTime);
    }

    public CircuitBreaker(String name, Settings settings, LongSupplier nanoClock) {
        this.name = Objects.requireNonNull(name, "name");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.openNanos = settings.openDuration().toNanos();
        this.outcomes = new boolean[settings.windowSize()];
    }

    public String name() {
        return name;
    }

    /** Asks for permission to call; every {@code true} must be followed by one outcome report. */
    public synchronized boolean tryAcquire() {
        long now = nanoClock.getAsLong();
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (now - openedAt < openNanos) {
                    return false;
                }
                state = State.HALF_OPEN;
                trialsStarted = 0;
                trialSuccesses = 0;
                // fall through to grant the first trial
            case HALF_OPEN:
            default:
                if (trialsStarted < settings.halfOpenCalls() || now - lastTrialAt >= openNanos) {
                    trialsStarted++;
                    lastTrialAt = now;
                    return true;
                }
                return false;
        }
    }

    public synchronized void onSuccess() {
        if (state == State.HALF_OPEN) {
            trialSuccesses++;
            if (trialSuccesses >= settings.halfOpenCalls()) {
                close();
            }
        } else if (state == State.CLOSED) {
            record(false);
        }
    }

    public synchronized void onFailure() {
        if (state == State.HALF_OPEN) {
            open();
        } else if (state == State.CLOSED) {
            record(true);
            if (recorded >= settings.minimumCalls()
                    && failures >= settings.failureRatio() * recorded) {
                open();
            }
        }
    }

    /** The permitted call ended without telling anything about the upstream (e.g. client gone). */
    public synchronized void onIgnored() {
        if (state == State.HALF_OPEN && trialsStarted > 0) {
            trialsStarted--;
        }
    }

    public synchronized State state() {
        if (state == State.OPEN && nanoClock.getAsLong() - openedAt >= openNanos) {
            return State.HALF_OPEN;
        }
        return state;
    }

    /** Seconds until an open breaker lets a trial call through (0 when not open). */
    public synchronized long secondsUntilRetry() {
        if (state != State.OPEN) {
            return 0;
        }
        long remaining = openNanos - (nanoClock.getAsLong() - openedAt);
        return remaining <= 0 ? 0 : Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
    }

    private void record(boolean failure) {
        if (recorded == outcomes.length) {
            if (outcomes[next]) {
                failures--;
            }
        } else {
            recorded++;
        }
        outcomes[next] = failure;
        if (failure) {
            failures++;
        }
        next = (next + 1) % outcomes.length;
    }

    private void open() {
        state = State.OPEN;
        openedAt = nanoClock.getAsLong();
        resetWindow();
    }

    private void close() {
        state = State.CLOSED;
        resetWindow();
    }

    private void resetWindow() {
        java.util.Arrays.fill(outcomes, false);
        recorded = 0;
        next = 0;
        failures = 0;
        trialsStarted = 0;
        trialSuccesses = 0;
    }

    @Override
    public String toString() {
        return "CircuitBreaker[" + name + ", " + state() + "]";
    }
}
