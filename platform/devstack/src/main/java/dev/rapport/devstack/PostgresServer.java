package dev.rapport.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL 17 server (the zonky binaries from Maven Central) running as a child process.
 *
 * <p>The data directory is kept when the server stops, so starting again on the same directory keeps
 * every database (initdb runs only when the directory holds no cluster yet). Applications connect as
 * the role {@value #USER}/{@value #PASSWORD}, which owns the databases created here.
 *
 * <p>Running as root: PostgreSQL refuses to run as uid 0. zonky detects root and prefixes initdb,
 * pg_ctl and postgres with {@code unshare -U}: inside that user namespace the process is not root,
 * while the files it writes belong to root outside, so no chown is needed. This needs user namespaces
 * (any modern Linux kernel allows them for root); {@link #start} fails with a clear message otherwise.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);

    public static final String USER = "rapport";
    public static final String PASSWORD = "rapport";

    // The cluster's bootstrap superuser (initdb -U postgres); only used here to create roles and databases.
    private static final String SUPERUSER = "postgres";
    // Database names we accept: what a service would name its database; keeps DDL free of injection.
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final int port;
    private final Path dataDirectory;
    // Stops the server; for a handle attached from another class loader, it calls into the owner.
    private final Runnable stopper;

    private PostgresServer(int port, Path dataDirectory, Runnable stopper) {
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.stopper = stopper;
    }

    /**
     * Starts PostgreSQL on {@code port} (0 picks a free port) with its cluster in {@code dataDirectory},
     * initialising the cluster only if the directory does not hold one yet, and makes sure the
     * application role exists. Server output goes to {@code <dataDirectory>.log}.
     */
    public static PostgresServer start(Path dataDirectory, int port) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Path data = dataDirectory.toAbsolutePath().normalize();
        Path log = data.resolveSibling(data.getFileName() + ".log");
        try {
            Files.createDirectories(data.getParent());
            stopOrphanedServer(data);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    // The owner (DevStack, DevStackResource) shuts down in order; a second hook would race it.
                    .setRegisterShutdownHook(false)
                    // zonky logs every server line at INFO; a file keeps test output readable.
                    .setOutputRedirector(Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(Redirect.appendTo(log.toFile()))
                    .setServerConfig("listen_addresses", "localhost")
                    // Loaded for profiling (CREATE EXTENSION pg_stat_statements in a database to read it);
                    // loading it later needs a restart, which changes what is being measured.
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    // Runs before every start, after initdb on the first one.
                    .setDataDirectoryCustomizer(PostgresServer::requirePasswords);
            if (port != 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            PostgresServer server = new PostgresServer(postgres.getPort(), data, () -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
                }
            });
            try {
                server.ensureApplicationRole();
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL did not start (data " + data + ", port " + port
                    + ", server log " + log + "). When running as root, `unshare -U` must work.", e);
        }
    }

    public int port() {
        return port;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** JDBC URL of {@code database} on this server, without credentials. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates {@code database} owned by the application role unless it exists already. */
    public void createDatabase(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain database name (lower-case letters, digits, _): " + database);
        }
        try (Connection connection = superuserConnection()) {
            // CREATE DATABASE cannot run in a transaction block and has no IF NOT EXISTS; a concurrent
            // creator makes ours fail with duplicate_database (42P04), which means the same thing: it exists.
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + database + " OWNER " + USER);
                } catch (SQLException e) {
                    if (!"42P04".equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    /** Stops the server (fast shutdown); the data directory stays. */
    @Override
    public synchronized void close() {
        stopper.run();
    }

    /** This server as JDK types only, for a handle in another class loader (see {@link SharedStack}). */
    Map<String, Object> export() {
        return Map.of("port", port, "dataDirectory", dataDirectory.toString(), "close", (Runnable) this::close);
    }

    /** A handle on a server that {@link #export()} described in another class loader. */
    static PostgresServer attach(Map<String, Object> exported) {
        return new PostgresServer((Integer) exported.get("port"), Path.of((String) exported.get("dataDirectory")),
                (Runnable) exported.get("close"));
    }

    /**
     * initdb (as zonky runs it) trusts every local connection, so any password would do and a service
     * wired with the wrong one would only fail in production. The application role must log in with
     * its password (SCRAM, as in production); only the bootstrap superuser, which nothing but this
     * class uses, stays password-less on the loopback interface.
     */
    private static void requirePasswords(File dataDirectory) {
        String rules = """
                # Written by rapport-devstack (PostgresServer) on every start; edits are overwritten.
                # TYPE  DATABASE  USER      ADDRESS       METHOD
                local   all       postgres                trust
                host    all       postgres  127.0.0.1/32  trust
                host    all       postgres  ::1/128       trust
                local   all       all                     scram-sha-256
                host    all       all       127.0.0.1/32  scram-sha-256
                host    all       all       ::1/128       scram-sha-256
                """;
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), rules);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write pg_hba.conf in " + dataDirectory, e);
        }
    }

    /**
     * Stops a postmaster that still runs on {@code data} although no live process owns it. The server
     * runs detached (pg_ctl start), so a JVM killed with SIGKILL leaves it behind, holding the port and
     * the data directory; the next start would fail. Fails instead if a live process owns the directory.
     */
    static void stopOrphanedServer(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        if (lockedByLiveProcess(data.resolve("epg-lock"))) {
            throw new IllegalStateException("Data directory " + data + " is in use by another running PostgreSQL");
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !Path.of(lines.get(1).trim()).equals(data)) {
            return;
        }
        // The pid file names the postmaster and its data directory; only that process, if still alive, is ours
        // to stop (the pid may have been reused by something else since).
        Optional<ProcessHandle> postmaster = ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return; // a stale pid file: PostgreSQL itself deals with it on start
        }
        LOG.warn("Stopping PostgreSQL (pid {}) left running on {} by a process that died", postmaster.get().pid(), data);
        try {
            // SIGINT is PostgreSQL's fast shutdown (SIGTERM, all Java can send, waits for clients to leave).
            Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(postmaster.get().pid()))
                    .redirectErrorStream(true).start();
            if (kill.waitFor() != 0) {
                postmaster.get().destroy();
            }
            postmaster.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the orphaned PostgreSQL", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Orphaned PostgreSQL (pid " + postmaster.get().pid() + ") on " + data
                    + " did not stop; stop it by hand", e);
        }
    }

    /** Whether another live process holds zonky's lock file (it does for as long as its server runs). */
    static boolean lockedByLiveProcess(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this very JVM
        }
    }

    private void ensureApplicationRole() {
        try (Connection connection = superuserConnection()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", USER)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE ROLE " + USER + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create role " + USER, e);
        }
    }

    private Connection superuserConnection() throws SQLException {
        // The superuser is trusted on the loopback interface (see requirePasswords), so no password here.
        Properties credentials = new Properties();
        credentials.setProperty("user", SUPERUSER);
        // The driver directly, not DriverManager: DriverManager only hands out drivers registered through
        // the caller's class loader, and under Quarkus tests this class may live in a different one.
        return new org.postgresql.Driver().connect(jdbcUrl("postgres"), credentials);
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL on localhost:" + port() + " (data " + dataDirectory + ")";
    }
}
