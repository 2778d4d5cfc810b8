package dev.rapport.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Real PostgreSQL and real Kafka for {@code @QuarkusTest}s: one of each per test JVM, on free ports,
 * with their data in a temporary directory removed when the JVM exits.
 *
 * <pre>{@code
 * @QuarkusTestResource(value = DevStackResource.class,
 *         initArgs = @ResourceArg(name = "database", value = "customer"))
 * }</pre>
 *
 * {@link #start()} creates the database named by the {@code database} argument (default
 * {@value #DEFAULT_DATABASE}) and returns {@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD} and
 * {@code KAFKA_BOOTSTRAP}, the names services read as {@code ${DB_URL:...}}. {@link #stop()} leaves
 * the servers running, so an application restart for another test profile does not restart them;
 * a shutdown hook stops them at JVM exit. The pair is shared by every class loader Quarkus creates
 * in the JVM (see {@link SharedStack}), so tests of all profiles talk to the same servers.
 */
public class DevStackResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    public static final String DEFAULT_DATABASE = "rapport";

    private String database = DEFAULT_DATABASE;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE_ARG, DEFAULT_DATABASE);
    }

    @Override
    public Map<String, String> start() {
        PostgresServer postgres = postgres();
        postgres.createDatabase(database);
        // A test that stopped the broker and failed before starting it again must not break the next app.
        KafkaBroker kafka = kafka().start();
        return Map.of(
                "DB_URL", postgres.jdbcUrl(database),
                "DB_USER", postgres.user(),
                "DB_PASSWORD", postgres.password(),
                "KAFKA_BOOTSTRAP", kafka.bootstrapServers());
    }

    /** Leaves both servers running for the next application start in this JVM; see the class comment. */
    @Override
    public void stop() {
    }

    /** The JVM's broker, started on first use. Tests may {@code stop()} and {@code start()} it. */
    public static KafkaBroker kafka() {
        return SharedStack.get().kafka();
    }

    /** The JVM's PostgreSQL server, started on first use. */
    public static PostgresServer postgres() {
        return SharedStack.get().postgres();
    }
}
