package dev.rapport.messaging.testapp;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Reads the test and library tables for assertions. */
@ApplicationScoped
public class TestDatabase {

    private final AgroalDataSource dataSource;

    public TestDatabase(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** How often the test handler's effect was applied for {@code subject} (0 if never). */
    public int applied(String subject) {
        return queryInt("SELECT applied FROM test_effect WHERE subject = ?", subject);
    }

    public boolean outboxContains(UUID eventId) {
        return queryInt("SELECT count(*) FROM rapport_outbox WHERE event_id = ?", eventId) == 1;
    }

    /** The outbox row id of {@code eventId} (the relay's publishing order), 0 if absent. */
    public long outboxRowId(UUID eventId) {
        return queryInt("SELECT id FROM rapport_outbox WHERE event_id = ?", eventId);
    }

    public boolean isPublished(UUID eventId) {
        return queryInt("SELECT count(*) FROM rapport_outbox WHERE event_id = ? AND published_at IS NOT NULL", eventId) == 1;
    }

    /** Forgets that {@code eventId} was published, as a relay killed before marking its round would. */
    public void forgetPublished(UUID eventId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE rapport_outbox SET published_at = NULL WHERE event_id = ?")) {
            update.setObject(1, eventId);
            update.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code consumerGroup} has committed the processing of {@code eventId}. */
    public boolean processed(String consumerGroup, UUID eventId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM rapport_processed_event WHERE consumer_group = ? AND event_id = ?")) {
            query.setString(1, consumerGroup);
            query.setObject(2, eventId);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Instant publishedAt(UUID eventId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT published_at FROM rapport_outbox WHERE event_id = ?")) {
            query.setObject(1, eventId);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getObject(1) != null
                        ? result.getObject(1, OffsetDateTime.class).toInstant() : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void recordProcessed(String consumerGroup, UUID eventId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO rapport_processed_event (consumer_group, event_id) VALUES (?, ?)")) {
            insert.setString(1, consumerGroup);
            insert.setObject(2, eventId);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean noteExists(UUID id) {
        return queryInt("SELECT count(*) FROM test_note WHERE id = ?", id) == 1;
    }

    public void insertNote(UUID id, String text) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO test_note (id, text) VALUES (?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, text);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int queryInt(String sql, Object parameter) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
