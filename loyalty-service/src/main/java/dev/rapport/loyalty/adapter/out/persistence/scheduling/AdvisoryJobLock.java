package dev.rapport.loyalty.adapter.out.persistence.scheduling;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.loyalty.adapter.out.persistence.Jdbc;
import dev.rapport.loyalty.application.port.out.scheduling.JobLock;

/**
 * A PostgreSQL session advisory lock per job, on a connection of its own held while the job runs:
 * the instance that gets it works, the others skip this round. A crashed instance's session ends and
 * releases the lock by itself.
 */
@ApplicationScoped
public class AdvisoryJobLock implements JobLock {

    private final DataSource dataSource;

    public AdvisoryJobLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static long key(String job) {
        long hash = 0x6c6f79616c7479L; // "loyalty"
        for (byte b : job.getBytes(StandardCharsets.UTF_8)) {
            hash = hash * 31 + b;
        }
        return hash;
    }

    @Override
    public boolean runExclusively(String job, Runnable work) {
        long key = key(job);
        try (Connection connection = dataSource.getConnection()) {
            if (!call(connection, "select pg_try_advisory_lock(?)", key)) {
                return false;
            }
            try {
                work.run();
                return true;
            } finally {
                call(connection, "select pg_advisory_unlock(?)", key);
            }
        } catch (SQLException e) {
            throw new Jdbc.PersistenceFailure(e);
        }
    }

    private static boolean call(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
