package dev.rapport.feedback.adapter.out.persistence.consent;

import dev.rapport.feedback.adapter.out.persistence.Jdbc;
import dev.rapport.feedback.application.port.out.consent.ConsentRepository;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class PostgresConsentRepository implements ConsentRepository {

    private final AgroalDataSource dataSource;

    public PostgresConsentRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void record(UUID customerId, String channel, String purpose, String status, Instant capturedAt) {
        try (Connection connection = dataSource.getConnection()) {
            // Events of a customer arrive in order: the last one is the statement in force.
            Jdbc.update(connection, "INSERT INTO consent (customer_id, channel, purpose, status, captured_at) "
                            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (customer_id, channel, purpose) "
                            + "DO UPDATE SET status = EXCLUDED.status, captured_at = EXCLUDED.captured_at",
                    List.of(customerId, channel, purpose, status, capturedAt));
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("consent write failed", e);
        }
    }

    @Override
    public Set<UUID> granted(Collection<UUID> customers, String channel, String purpose) {
        if (customers.isEmpty()) {
            return Set.of();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT customer_id FROM consent "
                     + "WHERE customer_id = ANY (?) AND channel = ? AND purpose = ? AND status = 'granted'")) {
            statement.setArray(1, connection.createArrayOf("uuid", customers.toArray()));
            statement.setString(2, channel);
            statement.setString(3, purpose);
            Set<UUID> granted = new HashSet<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    granted.add(rs.getObject(1, UUID.class));
                }
            }
            return granted;
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("consent read failed", e);
        }
    }

    @Override
    public void erase(UUID customerId) {
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.update(connection, "DELETE FROM consent WHERE customer_id = ?", List.of(customerId));
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("consent erasure failed", e);
        }
    }

    @Override
    public void reassign(UUID fromCustomerId, UUID toCustomerId) {
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.update(connection, "INSERT INTO consent (customer_id, channel, purpose, status, captured_at) "
                    + "SELECT ?, channel, purpose, status, captured_at FROM consent WHERE customer_id = ? "
                    + "ON CONFLICT DO NOTHING", List.of(toCustomerId, fromCustomerId));
            Jdbc.update(connection, "DELETE FROM consent WHERE customer_id = ?", List.of(fromCustomerId));
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("consent merge failed", e);
        }
    }
}
