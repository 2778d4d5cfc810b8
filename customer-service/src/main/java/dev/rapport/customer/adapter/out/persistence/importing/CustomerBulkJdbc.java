package dev.rapport.customer.adapter.out.persistence.importing;

import dev.rapport.customer.adapter.out.persistence.CopyRows;
import dev.rapport.customer.adapter.out.persistence.FreshPlans;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import dev.rapport.customer.domain.customer.Tag;

/**
 * Plain JDBC for imports: the lookup of a chunk's external ids and the COPY of its new customers: thousands of rows per transaction through Hibernate would flush
 * one statement at a time. Runs on the transaction's connection (Agroal hands the enlisted one
 * back), so the rows commit or roll back with the chunk, and later Hibernate queries of the same
 * transaction see them. Unique violations surface as {@link SQLException}s; the chunk then rolls back.
 */
@ApplicationScoped
public class CustomerBulkJdbc {

    private static final String COPY_CUSTOMER = """
            COPY customer (id, external_id, first_name, last_name, email, phone, company, job_title,
                acquisition_channel, preferences, tags, attributes, birthday, referral_code, created_at, updated_at, version)
            FROM STDIN""";
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

    /** One COPY of new customers; a duplicate key fails it and so the chunk. */
    public void customers(List<Customer> customers) {
        if (customers.isEmpty()) {
            return;
        }
        CopyRows rows = new CopyRows();
        for (Customer c : customers) {
            CustomerProfile p = c.profile();
            rows.value(c.id().value())
                    .value(p.externalId() == null ? null : p.externalId().value())
                    .value(p.firstName())
                    .value(p.lastName())
                    .value(p.email() == null ? null : p.email().value())
                    .value(p.phone() == null ? null : p.phone().e164())
                    .value(p.company())
                    .value(p.jobTitle())
                    .value(p.acquisitionChannel() == null ? null : p.acquisitionChannel().wireName())
                    .value(json(p.preferences()))
                    .value(arrayLiteral(p.tags()))
                    .value(json(p.attributes()))
                    .value(p.birthday() == null ? null : p.birthday().toString())
                    .value(c.referralCode() == null ? null : c.referralCode().value())
                    .value(c.createdAt())
                    .value(c.updatedAt())
                    .value(c.version())
                    .endRow();
        }
        try (Connection connection = dataSource.getConnection()) {
            rows.copyInto(connection, COPY_CUSTOMER);
        } catch (SQLException e) {
            throw new IllegalStateException("bulk insert of " + customers.size() + " customers failed: "
                    + rootMessage(e), e);
        }
    }

    /** A text[] literal with every element quoted, so commas, braces and spaces in tags stay inside. */
    private static String arrayLiteral(Collection<Tag> tags) {
        StringBuilder literal = new StringBuilder("{");
        for (Tag tag : tags) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(tag.value().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
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
