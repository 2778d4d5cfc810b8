package dev.rapport.gateway.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    /** Window 4, at least 4 calls, opens at 50 % failures, open for 10 s, 2 trial successes to close. */
    private CircuitBreaker breaker() {
        return new CircuitBreaker("test", new CircuitBreaker.Settings(4, 4, 0.5, Duration.ofSeconds(10), 2), now::get);
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void staysClosedBelowTheMinimumNumberOfCalls() {
        CircuitBreaker breaker = breaker();
        for (int i = 0; i < 3; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.onFailure();
        }
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void opensWhenTheFailureRatioIsReachedAndRefusesCalls() {
        CircuitBreaker breaker = breaker();
        breaker.onSuccess();
        breaker.onSuccess();
        breaker.onFailure();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        breaker.onFailure();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
        assertEquals(10, breaker.secondsUntilRetry());
        advance(Duration.ofSeconds(4));
        assertFalse(breaker.tryAcquire());
        assertEquals(6, breaker.secondsUntilRetry());
    }

    @Test
    void onlyTheLastWindowCounts() {
        CircuitBreaker breaker = breaker();
        breaker.onFailure();
        breaker.onSuccess();
        breaker.onSuccess();
        breaker.onSuccess();
        // The old failure leaves the window with this success: 1 of 4 fails.
        breaker.onSuccess();
        breaker.onFailure();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "1 failure in the last 4 calls");
        breaker.onFailure();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(), "2 failures in the last 4 calls");
    }

    @Test
    void halfOpenLetsTrialsThroughAndClosesAfterEnoughSuccesses() {
        CircuitBreaker breaker = openBreaker();
        advance(Duration.ofSeconds(10));
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertTrue(breaker.tryAcquire());
        assertTrue(breaker.tryAcquire());
        assertFalse(breaker.tryAcquire(), "only two trial calls at a time");
        breaker.onSuccess();
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        breaker.onSuccess();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void aFailedTrialOpensAgainForTheWholeDuration() {
        CircuitBreaker breaker = openBreaker();
        advance(Duration.ofSeconds(11));
        assertTrue(breaker.tryAcquire());
        breaker.onFailure();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
        assertEquals(10, breaker.secondsUntilRetry());
    }

    @Test
    void aTrialWhoseOutcomeIsNeverReportedDoesNotBlockForever() {
        CircuitBreaker breaker = openBreaker();
        advance(Duration.ofSeconds(10));
        assertTrue(breaker.tryAcquire());
        assertTrue(breaker.tryAcquire());
        assertFalse(breaker.tryAcquire());
        advance(Duration.ofSeconds(10));
        assertTrue(breaker.tryAcquire(), "stale trials stop blocking after another open duration");
    }

    @Test
    void anIgnoredTrialFreesItsPermit() {
        CircuitBreaker breaker = openBreaker();
        advance(Duration.ofSeconds(10));
        assertTrue(breaker.tryAcquire());
        assertTrue(breaker.tryAcquire());
        breaker.onIgnored();
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new CircuitBreaker.Settings(0, 1, 0.5, Duration.ofSeconds(1), 1));
        assertThrows(IllegalArgumentException.class, () -> new CircuitBreaker.Settings(4, 5, 0.5, Duration.ofSeconds(1), 1));
        assertThrows(IllegalArgumentException.class, () -> new CircuitBreaker.Settings(4, 4, 0, Duration.ofSeconds(1), 1));
        assertThrows(IllegalArgumentException.class, () -> new CircuitBreaker.Settings(4, 4, 1.5, Duration.ofSeconds(1), 1));
        assertThrows(IllegalArgumentException.class, () -> new CircuitBreaker.Settings(4, 4, 0.5, Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> new CircuitBreaker.Settings(4, 4, 0.5, Duration.ofSeconds(1), 0));
    }

    private CircuitBreaker openBreaker() {
        CircuitBreaker breaker = breaker();
        for (int i = 0; i < 4; i++) {
            breaker.onFailure();
        }
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        return breaker;
    }
}
