package dev.rapport.gateway.ratelimit;

/**
 * The outcome of taking one token, with the values of the RateLimit-Limit, RateLimit-Remaining,
 * RateLimit-Reset (seconds until the bucket is full) and Retry-After headers.
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, long resetSeconds,
                                long retryAfterSeconds) {
}
