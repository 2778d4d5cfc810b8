package dev.rapport.gateway.ratelimit;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled continuously at
 * {@code tokensPerSecond}; each request takes one. Thread-safe (event loops share buckets).
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(double tokensPerSecond, int capacity, long now) {
        if (!(tokensPerSecond > 0) || capacity < 1) {
            throw new IllegalArgumentException("rate must be > 0 and capacity >= 1");
        }
        this.capacity = capacity;
        this.tokensPerNano = tokensPerSecond / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    synchronized RateLimitDecision tryTake(long now) {
        refill(now);
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        long remaining = (long) Math.floor(tokens);
        long resetSeconds = ceilSeconds((capacity - tokens) / tokensPerNano);
        long retryAfterSeconds = allowed ? 0 : Math.max(1, ceilSeconds((1 - tokens) / tokensPerNano));
        return new RateLimitDecision(allowed, (long) capacity, remaining, resetSeconds, retryAfterSeconds);
    }

    /** True when the bucket is full again, i.e. forgetting it changes nothing. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        long elapsed = now - updatedAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            updatedAt = now;
        }
    }

    private static long ceilSeconds(double nanos) {
        return nanos <= 0 ? 0 : (long) Math.ceil(nanos / NANOS_PER_SECOND);
    }
}
