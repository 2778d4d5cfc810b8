package dev.rapport.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Stops and starts PostgreSQL or Kafka alone while DevStack keeps running, so that an outage of one of
 * them can be staged ({@code ./rapport stop kafka}, {@code ./rapport start postgres}).
 *
 * <p>A request is an empty file in the control directory named {@code stop-kafka}, {@code start-kafka},
 * {@code stop-postgres} or {@code start-postgres}: a file is what a shell script sends most simply, and it
 * needs no port. The file is deleted once the request is carried out; a request that failed leaves
 * {@code <request>.failed} with the reason. Both servers keep their port and data across a restart.
 */
final class StackControl implements AutoCloseable {

    static final String FAILED_SUFFIX = ".failed";

    private final Path directory;
    private final KafkaBroker kafka;
    private final Path postgresData;
    private final int postgresPort;
    private PostgresServer postgres; // null while stopped
    private boolean closed;

    StackControl(Path directory, Stack stack) {
        this.directory = directory.toAbsolutePath().normalize();
        this.kafka = stack.kafka();
        this.postgres = stack.postgres();
        this.postgresData = postgres.dataDirectory();
        this.postgresPort = postgres.port();
        try {
            Files.createDirectories(this.directory);
            // A request left from an earlier run was not meant for this one.
            try (Stream<Path> stale = Files.list(this.directory)) {
                stale.forEach(StackControl::delete);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the control directory " + directory, e);
        }
    }

    Path directory() {
        return directory;
    }

    /** Carries out the waiting requests, oldest name first; returns a line per request saying what happened. */
    synchronized List<String> poll() {
        List<String> done = new ArrayList<>();
        if (closed) {
            return done;
        }
        List<Path> requests;
        try (Stream<Path> files = Files.list(directory)) {
            requests = files.filter(file -> !file.getFileName().toString().endsWith(FAILED_SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the control directory " + directory, e);
        }
        for (Path request : requests) {
            String name = request.getFileName().toString();
            try {
                done.add(carryOut(name));
            } catch (RuntimeException e) {
                done.add("FAILED " + name + ": " + e.getMessage());
                write(directory.resolve(name + FAILED_SUFFIX), String.valueOf(e.getMessage()));
            } finally {
                delete(request);
            }
        }
        return done;
    }

    private String carryOut(String request) {
        switch (request) {
            case "stop-kafka" -> kafka.stop();
            case "start-kafka" -> kafka.start();
            case "stop-postgres" -> {
                if (postgres != null) {
                    postgres.close();
                    postgres = null;
                }
            }
            case "start-postgres" -> {
                if (postgres == null) {
                    postgres = PostgresServer.start(postgresData, postgresPort);
                }
            }
            default -> throw new IllegalArgumentException("unknown request '" + request
                    + "' (stop-kafka, start-kafka, stop-postgres or start-postgres)");
        }
        return request.replace('-', ' ').toUpperCase() + " DONE";
    }

    /** Stops whatever of the two still runs, the broker first (as {@link Stack#close()} does). */
    @Override
    public synchronized void close() {
        closed = true;
        try {
            kafka.close();
        } finally {
            if (postgres != null) {
                postgres.close();
                postgres = null;
            }
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
