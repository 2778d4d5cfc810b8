package dev.rapport.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    /** partner: 2 per second, burst 4. */
    private final RateLimiter limiter = new RateLimiter(Map.of(
            "partner", new RateLimiter.ClientClass("partner", 2, 4),
            "slow", new RateLimiter.ClientClass("slow", 0.1, 1)), now::get);

    private void advanceMillis(long millis) {
        now.addAndGet(millis * 1_000_000L);
    }

    @Test
    void allowsTheBurstThenRefusesWithRetryAfter() {
        for (int remaining = 3; remaining >= 0; remaining--) {
            RateLimitDecision decision = limiter.tryAcquire("partner", "acme");
            assertTrue(decision.allowed());
            assertEquals(4, decision.limit());
            assertEquals(remaining, decision.remaining());
        }
        RateLimitDecision refused = limiter.tryAcquire("partner", "acme");
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(1, refused.retryAfterSeconds(), "one token comes back after 0.5 s, rounded up");
        assertEquals(2, refused.resetSeconds(), "4 tokens at 2 per second");
    }

    @Test
    void refillsAtTheConfiguredRate() {
        for (int i = 0; i < 4; i++) {
            limiter.tryAcquire("partner", "acme");
        }
        assertFalse(limiter.tryAcquire("partner", "acme").allowed());
        advanceMillis(499);
        assertFalse(limiter.tryAcquire("partner", "acme").allowed());
        advanceMillis(2);
        assertTrue(limiter.tryAcquire("partner", "acme").allowed());
        advanceMillis(10_000);
        assertEquals(3, limiter.tryAcquire("partner", "acme").remaining(), "never more than the burst");
    }

    @Test
    void clientsHaveTheirOwnBuckets() {
        for (int i = 0; i < 4; i++) {
            limiter.tryAcquire("partner", "acme");
        }
        assertFalse(limiter.tryAcquire("partner", "acme").allowed());
        assertTrue(limiter.tryAcquire("partner", "globex").allowed());
        assertTrue(limiter.tryAcquire("slow", "acme").allowed(), "same id in another class is another bucket");
    }

    @Test
    void retryAfterReflectsSlowRates() {
        assertTrue(limiter.tryAcquire("slow", "x").allowed());
        RateLimitDecision refused = limiter.tryAcquire("slow", "x");
        assertFalse(refused.allowed());
        assertEquals(10, refused.retryAfterSeconds());
    }

    @Test
    void forgetsOnlyBucketsThatAreFullAgain() {
        limiter.tryAcquire("partner", "acme");
        limiter.tryAcquire("partner", "globex");
        advanceMillis(400);
        limiter.tryAcquire("partner", "globex");
        advanceMillis(200);
        limiter.evictIdle();
        assertEquals(1, limiter.trackedClients(), "acme is full again (0.6 s at 2/s), globex is not");
    }

    @Test
    void unknownClassesAndBadSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> limiter.tryAcquire("nope", "acme"));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter.ClientClass("x", 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter.ClientClass("x", 1, 0));
    }
}
