package dev.rapport.customer.adapter.out.persistence.identity;

import dev.rapport.customer.adapter.out.persistence.customer.CustomerEntity;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.application.port.out.identity.CustomerTombstones;
import dev.rapport.customer.domain.customer.CustomerId;

/** Tombstones are rows of {@code customer} with {@code merged_into} set and no unique identifiers. */
@ApplicationScoped
public class PostgresCustomerTombstones implements CustomerTombstones {

    @Override
    public void markMerged(CustomerId duplicate, CustomerId survivor, Instant mergedAt) {
        CustomerEntity row = CustomerEntity.findById(duplicate.value());
        if (row == null || row.mergedInto != null) {
            throw new IllegalStateException("customer " + duplicate + " must be live and locked before it is merged");
        }
        row.email = null;
        row.phone = null;
        row.externalId = null;
        row.mergedInto = survivor.value();
        row.mergedAt = mergedAt;
        row.updatedAt = mergedAt.isAfter(row.updatedAt) ? mergedAt : row.updatedAt;
        // Written now (version + 1 through @Version), so the released values are free before the
        // survivor's row, flushed later in the same transaction, takes them.
        CustomerEntity.flush();
        CustomerEntity.update("mergedInto = ?1 where mergedInto = ?2", survivor.value(), duplicate.value());
    }
}
