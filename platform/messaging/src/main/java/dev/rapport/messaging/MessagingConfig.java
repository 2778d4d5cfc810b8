package dev.rapport.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Settings of rapport-messaging. Kafka connection settings are not here: every Kafka client of the
 * library starts from the service's {@code kafka.*} properties (at least {@code kafka.bootstrap.servers}).
 */
@ConfigMapping(prefix = "rapport.messaging")
public interface MessagingConfig {

    Outbox outbox();

    Consumer consumer();

    interface Outbox {

        /** Whether this instance runs the outbox relay. Appending to the outbox works either way. */
        @WithDefault("true")
        boolean enabled();

        /** Most rows read and sent per round (one Kafka transaction). */
        @WithDefault("1000")
        int batchSize();

        /**
         * While commits keep arriving, how long the relay lets them gather before its next round. Each
         * round is one Kafka transaction, and a transaction's fixed cost (partitions registered with the
         * coordinator, commit markers in every partition it touched) outweighed its records when a bulk
         * import committed a few hundred events at a time. Only a round of more than one row lingers: the
         * first commit after a quiet spell, and each commit of a stream slower than the rounds, is sent at
         * once; 0 sends every commit in a round of its own.
         */
        @WithDefault("100ms")
        Duration linger();

        /**
         * Longest idle wait for a commit notification before the relay looks at the table anyway.
         * A commit wakes the relay at once; this only bounds how long shutdown waits for the relay.
         */
        @WithDefault("500ms")
        Duration idleWait();

        /** How often an instance that does not hold the relay lock tries to take it. */
        @WithDefault("3s")
        Duration lockRetryInterval();

        /** First pause after a failed round (Kafka or database down); doubles up to {@link #maxBackoff()}. */
        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("10s")
        Duration maxBackoff();

        /** How long published rows are kept (for audit and replays) before the relay deletes them. */
        @WithDefault("7d")
        Duration retention();

        /** How often the relay deletes expired rows of the outbox and of the processed-event ids. */
        @WithDefault("1h")
        Duration purgeInterval();

        /**
         * How long Kafka may take to acknowledge a send before the round counts as failed (the rows stay
         * pending and the round is retried with a new producer). Request and metadata timeouts derive from it.
         */
        @WithDefault("30s")
        Duration deliveryTimeout();

        /** Longest time the relay waits for outstanding sends when the application stops. */
        @WithDefault("10s")
        Duration shutdownTimeout();
    }

    interface Consumer {

        /** Whether this instance runs the consumer loops of its {@code EventHandler} beans. */
        @WithDefault("true")
        boolean enabled();

        /** Attempts of one event (the first try included) before it goes to the dead-letter topic. */
        @WithDefault("5")
        int maxAttempts();

        /** Pause after the first failed attempt; doubles per attempt up to {@link #maxBackoff()}. */
        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("10s")
        Duration maxBackoff();

        /** Longest wait of one poll; also bounds how long shutdown waits for an idle loop. */
        @WithDefault("500ms")
        Duration pollTimeout();

        /** Records fetched per poll. Keep retries of a full batch well below max.poll.interval.ms (5 min). */
        @WithDefault("100")
        int maxPollRecords();

        /**
         * How long processed event ids are remembered. A redelivery older than this (e.g. after an
         * offset reset) would be applied again, so keep it above the topics' retention.
         */
        @WithDefault("30d")
        Duration processedRetention();
    }
}
