package dev.rapport.devstack;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the in-JVM broker and the PostgreSQL launcher from flooding test output.
 *
 * <p>In a Quarkus test JVM, slf4j (which the broker logs through) ends in JBoss LogManager, the JUL
 * implementation, so JUL levels set here apply. A service can still raise them again with
 * {@code quarkus.log.category."kafka".level=INFO}. Client-side categories (producers, consumers)
 * stay untouched: they belong to the service. Under slf4j-simple (DevStack main, this module's
 * tests) the levels come from {@code org.slf4j.simpleLogger.*} system properties instead.
 */
final class BrokerLogging {

    private static final List<String> BROKER_CATEGORIES = List.of(
            "kafka", "state.change.logger",
            "org.apache.kafka.controller", "org.apache.kafka.raft", "org.apache.kafka.metadata",
            "org.apache.kafka.image", "org.apache.kafka.server", "org.apache.kafka.storage",
            "org.apache.kafka.coordinator", "org.apache.kafka.queue", "org.apache.kafka.snapshot",
            "org.apache.kafka.network", "org.apache.kafka.security",
            // The broker's own internal clients log through these at INFO on every start and stop.
            "org.apache.kafka.clients.NetworkClient", "org.apache.kafka.common.network.Selector",
            "org.apache.kafka.clients.admin.AdminClientConfig", "org.apache.kafka.common.utils.AppInfoParser",
            "org.apache.kafka.common.metrics", "io.zonky.test.db.postgres");

    // JUL holds loggers weakly; keeping them here keeps the level we set.
    private static final List<Logger> RETAINED = BROKER_CATEGORIES.stream().map(Logger::getLogger).toList();

    private BrokerLogging() {
    }

    static void quieten() {
        RETAINED.forEach(logger -> logger.setLevel(Level.WARNING));
    }
}
