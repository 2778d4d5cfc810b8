package dev.rapport.messaging.outbox;

import dev.rapport.messaging.internal.Backoff;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one relay needs. {@code producerProperties} are complete Kafka producer properties;
 * the database coordinates are the service's datasource, used for a dedicated session.
 */
public record RelaySettings(
        String jdbcUrl,
        String username,
        String password,
        Map<String, Object> producerProperties,
        int batchSize,
        Duration linger,
        Duration idleWait,
        Duration lockRetryInterval,
        Backoff backoff,
        Duration retention,
        Duration processedRetention,
        Duration purgeInterval,
        Duration shutdownTimeout) {

    public RelaySettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        producerProperties = Map.copyOf(producerProperties);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        Objects.requireNonNull(linger, "linger");
        if (linger.isNegative()) {
            throw new IllegalArgumentException("linger must not be negative, was " + linger);
        }
        requirePositive(idleWait, "idle wait");
        requirePositive(lockRetryInterval, "lock retry interval");
        Objects.requireNonNull(backoff, "backoff");
        requirePositive(retention, "retention");
        requirePositive(processedRetention, "processed retention");
        requirePositive(purgeInterval, "purge interval");
        requirePositive(shutdownTimeout, "shutdown timeout");
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
