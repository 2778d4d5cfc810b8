package dev.rapport.customer.adapter.out.persistence.importing;

import dev.rapport.customer.adapter.out.persistence.FreshPlans;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerProfile;
import dev.rapport.messaging.jdbc.BinaryCopyRows;

/**
 * Plain JDBC for imports: the lookup of a chunk's external ids and the COPY of its new customers
 * (thousands of rows per transaction through Hibernate would flush one statement at a time). Runs on the transaction's connection (Agroal hands the enlisted one
 * back), so the rows commit or roll back with the chunk, and later Hibernate queries of the same
 * transaction see them. Unique violations surface as {@link SQLException}s; the chunk then rolls back.
 */
@ApplicationScoped
public class CustomerBulkJdbc {

    private static final String COPY_CUSTOMER = """
            COPY customer (id, external_id, first_name, last_name, email, phone, company, job_title,
                acquisition_channel, preferences, tags, attributes, birthday, referral_code, created_at, updated_at, version)
            FROM STDIN WITH (FORMAT binary)""";
    private static final String IDS_BY_EXTERNAL_IDS = "SELECT external_id, id FROM customer WHERE external_id = ANY (?)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgroalDataSource dataSource;

    CustomerBulkJdbc(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Ids of the customers with these external ids, one statement with an array parameter. Through
     * Hibernate the IN list became a new SQL string for every list length, translated anew per
     * chunk (measured: ~24 ms per chunk, most of a small chunk's time).
     */
    public Map<String, UUID> idsByExternalIds(Collection<String> externalIds) {
        Map<String, UUID> found = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = FreshPlans.prepare(connection, IDS_BY_EXTERNAL_IDS)) {
            select.setArray(1, connection.createArrayOf("text", externalIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), rows.getObject(2, UUID.class));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + externalIds.size() + " customers by external id failed: "
                    + rootMessage(e), e);
        }
    }

    /** One binary COPY of new customers; a duplicate key fails it and so the chunk. */
    public void customers(List<Customer> customers) {
        if (customers.isEmpty()) {
            return;
        }
        BinaryCopyRows rows = new BinaryCopyRows(17, customers.size() * 320);
        for (Customer c : customers) {
            CustomerProfile p = c.profile();
            List<String> tags = new ArrayList<>(p.tags().size());
            p.tags().forEach(tag -> tags.add(tag.value()));
            rows.row().uuid(c.id().value())
                    .text(p.externalId() == null ? null : p.externalId().value())
                    .text(p.firstName())
                    .text(p.lastName())
                    .text(p.email() == null ? null : p.email().value())
                    .text(p.phone() == null ? null : p.phone().e164())
                    .text(p.company())
                    .text(p.jobTitle())
                    .text(p.acquisitionChannel() == null ? null : p.acquisitionChannel().wireName())
                    .jsonb(json(p.preferences()))
                    .textArray(tags)
                    .jsonb(json(p.attributes()))
                    .date(p.birthday())
                    .text(c.referralCode() == null ? null : c.referralCode().value())
                    .timestamptz(c.createdAt())
                    .timestamptz(c.updatedAt())
                    .int8(c.version());
        }
        try (Connection connection = dataSource.getConnection()) {
            rows.copyInto(connection, COPY_CUSTOMER);
        } catch (SQLException e) {
            throw new IllegalStateException("bulk insert of " + customers.size() + " customers failed: "
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
