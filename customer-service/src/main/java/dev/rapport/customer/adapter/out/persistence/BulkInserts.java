package dev.rapport.customer.adapter.out.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerProfile;
import dev.rapport.customer.domain.customer.Tag;

/**
 * JDBC batch inserts of customers for imports: thousands of rows per transaction through Hibernate would flush
 * one statement at a time. Runs on the transaction's connection (Agroal hands the enlisted one
 * back), so the rows commit or roll back with the chunk, and later Hibernate queries of the same
 * transaction see them. Unique violations surface as {@link SQLException}s; the chunk then rolls back.
 */
@ApplicationScoped
class BulkInserts {

    private static final String INSERT_CUSTOMER = """
            INSERT INTO customer (id, external_id, first_name, last_name, email, phone, company, job_title,
                acquisition_channel, preferences, tags, attributes, birthday, referral_code, created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?, ?)""";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgroalDataSource dataSource;

    BulkInserts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void customers(List<Customer> customers) {
        if (customers.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT_CUSTOMER)) {
            for (Customer c : customers) {
                CustomerProfile p = c.profile();
                insert.setObject(1, c.id().value());
                insert.setString(2, p.externalId() == null ? null : p.externalId().value());
                insert.setString(3, p.firstName());
                insert.setString(4, p.lastName());
                insert.setString(5, p.email() == null ? null : p.email().value());
                insert.setString(6, p.phone() == null ? null : p.phone().e164());
                insert.setString(7, p.company());
                insert.setString(8, p.jobTitle());
                insert.setString(9, p.acquisitionChannel() == null ? null : p.acquisitionChannel().wireName());
                insert.setString(10, json(p.preferences()));
                insert.setArray(11, connection.createArrayOf("text", p.tags().stream().map(Tag::value).toArray()));
                insert.setString(12, json(p.attributes()));
                if (p.birthday() == null) {
                    insert.setNull(13, Types.DATE);
                } else {
                    insert.setObject(13, p.birthday());
                }
                insert.setString(14, c.referralCode() == null ? null : c.referralCode().value());
                insert.setTimestamp(15, Timestamp.from(c.createdAt()));
                insert.setTimestamp(16, Timestamp.from(c.updatedAt()));
                insert.setLong(17, c.version());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("batch insert of " + customers.size() + " customers failed: "
                    + rootMessage(e), e);
        }
    }

    private static String json(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rootMessage(SQLException e) {
        SQLException next = e.getNextException();
        return next != null ? next.getMessage() : e.getMessage();
    }
}
