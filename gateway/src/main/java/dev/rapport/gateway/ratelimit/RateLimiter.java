package dev.rapport.gateway.ratelimit;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per client (API key name, JWT subject, or client address for unauthenticated
 * calls), with rate and burst taken from the client's class. State lives in this gateway
 * instance only: with N instances behind a load balancer a client gets up to N times the rate.
 */
public final class RateLimiter {

    public record ClientClass(String name, double requestsPerSecond, int burst) {
        public ClientClass {
            Objects.requireNonNull(name, "name");
            if (!(requestsPerSecond > 0) || burst < 1) {
                throw new IllegalArgumentException("client class " + name + ": rate must be > 0 and burst >= 1");
            }
        }
    }

    private final Map<String, ClientClass> classes;
    private final LongSupplier nanoClock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(Map<String, ClientClass> classes, LongSupplier nanoClock) {
        this.classes = Map.copyOf(classes);
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** Takes one token from the bucket of {@code clientId} in {@code className}. */
    public RateLimitDecision tryAcquire(String className, String clientId) {
        ClientClass clientClass = classes.get(className);
        if (clientClass == null) {
            throw new IllegalArgumentException("no rate limit class '" + className + "' configured");
        }
        long now = nanoClock.getAsLong();
        TokenBucket bucket = buckets.computeIfAbsent(className + '\u0000' + clientId,
                key -> new TokenBucket(clientClass.requestsPerSecond(), clientClass.burst(), now));
        return bucket.tryTake(now);
    }

    public boolean knowsClass(String className) {
        return classes.containsKey(className);
    }

    /** Forgets buckets that are full again; keeps memory bounded by the recently active clients. */
    public void evictIdle() {
        long now = nanoClock.getAsLong();
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    int trackedClients() {
        return buckets.size();
    }
}
