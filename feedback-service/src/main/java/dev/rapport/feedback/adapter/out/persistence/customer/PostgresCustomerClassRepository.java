package dev.rapport.feedback.adapter.out.persistence.customer;

import dev.rapport.feedback.adapter.out.persistence.Jdbc;
import dev.rapport.feedback.application.port.out.customer.CustomerClassRepository;
import dev.rapport.feedback.domain.customer.CustomerClass;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PostgresCustomerClassRepository implements CustomerClassRepository {

    private final AgroalDataSource dataSource;

    public PostgresCustomerClassRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void recordAbcClass(UUID customerId, String abcClass, Instant at) {
        upsert("abc_class", customerId, abcClass, at);
    }

    @Override
    public void recordLoyaltyTier(UUID customerId, String tier, Instant at) {
        upsert("loyalty_tier", customerId, tier, at);
    }

    /** An older event (a replay, or one parked and retried) never overwrites a newer value. */
    private void upsert(String column, UUID customerId, String value, Instant at) {
        String atColumn = column + "_at";
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.update(connection, "INSERT INTO customer_class (customer_id, " + column + ", " + atColumn + ") "
                            + "VALUES (?, ?, ?) ON CONFLICT (customer_id) DO UPDATE SET " + column + " = EXCLUDED." + column
                            + ", " + atColumn + " = EXCLUDED." + atColumn + " WHERE customer_class." + atColumn
                            + " IS NULL OR customer_class." + atColumn + " <= EXCLUDED." + atColumn,
                    List.of(customerId, value, at));
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("customer class write failed", e);
        }
    }

    @Override
    public Optional<CustomerClass> find(UUID customerId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT abc_class, abc_class_at, loyalty_tier, "
                     + "loyalty_tier_at FROM customer_class WHERE customer_id = ?")) {
            statement.setObject(1, customerId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new CustomerClass(customerId, rs.getString("abc_class"), Jdbc.instant(rs, "abc_class_at"),
                        rs.getString("loyalty_tier"), Jdbc.instant(rs, "loyalty_tier_at")));
            }
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("customer class read failed", e);
        }
    }

    @Override
    public void erase(UUID customerId) {
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.update(connection, "DELETE FROM customer_class WHERE customer_id = ?", List.of(customerId));
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("customer class erasure failed", e);
        }
    }

    @Override
    public void reassign(UUID fromCustomerId, UUID toCustomerId) {
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.update(connection, "INSERT INTO customer_class (customer_id, abc_class, abc_class_at, loyalty_tier, "
                    + "loyalty_tier_at) SELECT ?, abc_class, abc_class_at, loyalty_tier, loyalty_tier_at "
                    + "FROM customer_class WHERE customer_id = ? ON CONFLICT DO NOTHING", List.of(toCustomerId, fromCustomerId));
            Jdbc.update(connection, "DELETE FROM customer_class WHERE customer_id = ?", List.of(fromCustomerId));
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException("customer class merge failed", e);
        }
    }
}
