package dev.rapport.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * One PostgreSQL server and one Kafka broker, started side by side (they are independent, and on a
 * two-core machine overlapping PostgreSQL's process start with the broker's class loading saves time).
 * Layout under the data directory: {@code postgres/} (cluster), {@code postgres.log}, {@code kafka/}.
 */
record Stack(PostgresServer postgres, KafkaBroker kafka, String startupTimes) implements AutoCloseable {

    Stack(PostgresServer postgres, KafkaBroker kafka) {
        this(postgres, kafka, "");
    }

    static Stack start(Path dataDirectory, int postgresPort, int kafkaPort) {
        BrokerLogging.quieten();
        long startedAt = System.nanoTime();
        CompletableFuture<Long> postgresReadyAt = new CompletableFuture<>();
        CompletableFuture<PostgresServer> postgres = CompletableFuture.supplyAsync(() -> {
            PostgresServer server = PostgresServer.start(dataDirectory.resolve("postgres"), postgresPort);
            postgresReadyAt.complete(System.nanoTime());
            return server;
        });
        KafkaBroker kafka;
        try {
            kafka = new KafkaBroker(dataDirectory.resolve("kafka"), kafkaPort).start();
        } catch (RuntimeException e) {
            postgres.thenAccept(PostgresServer::close);
            throw e;
        }
        long kafkaReadyAt = System.nanoTime();
        try {
            PostgresServer server = postgres.join();
            return new Stack(server, kafka, "PostgreSQL %d ms, Kafka %d ms (in parallel)".formatted(
                    (postgresReadyAt.join() - startedAt) / 1_000_000, (kafkaReadyAt - startedAt) / 1_000_000));
        } catch (CompletionException e) {
            kafka.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Stops the broker first (it may still be flushing), then PostgreSQL; every step runs even if one fails. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (AutoCloseable server : new AutoCloseable[] {kafka, postgres}) {
            try {
                server.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("Could not stop " + server, e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + directory, e);
        }
    }
}
