package dev.rapport.segmentation.adapter.out.persistence.customer;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.segmentation.adapter.out.persistence.Jdbc;
import dev.rapport.segmentation.application.port.out.customer.CustomerFactsRepository;

@ApplicationScoped
public class PostgresCustomerFactsRepository implements CustomerFactsRepository {

    private final Jdbc jdbc;

    public PostgresCustomerFactsRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void recordProfile(UUID customerId, String externalId, String acquisitionChannel, Instant registeredAt) {
        jdbc.update("""
                INSERT INTO seg_customer (customer_id, external_id, acquisition_channel, registered_at)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (customer_id) DO UPDATE SET
                  external_id = CASE WHEN seg_customer.erased_at IS NULL
                                     THEN coalesce(excluded.external_id, seg_customer.external_id) END,
                  acquisition_channel = coalesce(excluded.acquisition_channel, seg_customer.acquisition_channel),
                  registered_at = coalesce(excluded.registered_at, seg_customer.registered_at)
                """, s -> {
            s.setObject(1, customerId);
            s.setString(2, externalId);
            s.setString(3, acquisitionChannel);
            s.setTimestamp(4, Jdbc.timestamp(registeredAt));
        });
    }

    @Override
    public UUID resolve(UUID customerId) {
        UUID current = customerId;
        for (int hop = 0; hop < 10; hop++) {
            UUID id = current;
            UUID next = jdbc.one("SELECT merged_into FROM seg_customer WHERE customer_id = ?",
                    s -> s.setObject(1, id), r -> r.getObject(1, UUID.class)).orElse(null);
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    @Override
    public Map<UUID, UUID> resolveAllOrCreate(Collection<UUID> customerIds) {
        // one statement for a batch's customers: the unknown ones created (in id order), the merged-away ones
        // returned with their pointer (the statement's snapshot does not see the rows it creates: none is merged)
        UUID[] ids = customerIds.stream().distinct().sorted().toArray(UUID[]::new);
        Map<UUID, UUID> mergedInto = new HashMap<>();
        jdbc.query("""
                WITH ids AS (SELECT unnest(?::uuid[]) AS id),
                  created AS (INSERT INTO seg_customer (customer_id) SELECT id FROM ids ORDER BY id
                              ON CONFLICT (customer_id) DO NOTHING)
                SELECT c.customer_id, c.merged_into FROM seg_customer c JOIN ids ON c.customer_id = ids.id
                WHERE c.merged_into IS NOT NULL
                """, s -> s.setArray(1, "uuid", ids),
                r -> mergedInto.put(r.getObject(1, UUID.class), r.getObject(2, UUID.class)));
        Map<UUID, UUID> resolved = new LinkedHashMap<>();
        for (UUID id : customerIds) {
            UUID pointer = mergedInto.get(id);
            if (pointer == null) {
                resolved.put(id, id);
            } else {
                UUID survivor = resolve(pointer);
                touch(survivor);
                resolved.put(id, survivor);
            }
        }
        return resolved;
    }

    @Override
    public UUID resolveOrCreate(UUID customerId) {
        // every event starts here: one statement when the id is not merged away (known, or created now)
        Optional<UUID> mergedInto = jdbc.one("""
                WITH found AS (SELECT merged_into FROM seg_customer WHERE customer_id = ?),
                  created AS (INSERT INTO seg_customer (customer_id) SELECT ? WHERE NOT EXISTS (SELECT FROM found)
                              ON CONFLICT (customer_id) DO NOTHING)
                SELECT merged_into FROM found
                """, s -> {
            s.setObject(1, customerId);
            s.setObject(2, customerId);
        }, r -> r.getObject(1, UUID.class));
        if (mergedInto.isEmpty()) {
            return customerId;
        }
        UUID survivor = resolve(mergedInto.get());
        touch(survivor);
        return survivor;
    }

    @Override
    public void touch(UUID customerId) {
        jdbc.update("""
                INSERT INTO seg_customer (customer_id) VALUES (?)
                ON CONFLICT (customer_id) DO NOTHING
                """, s -> s.setObject(1, customerId));
    }

    @Override
    public void merge(UUID survivorId, UUID duplicateId) {
        jdbc.update("UPDATE seg_purchase SET customer_id = ? WHERE customer_id = ?", s -> {
            s.setObject(1, survivorId);
            s.setObject(2, duplicateId);
        });
        jdbc.update("UPDATE seg_return SET customer_id = ? WHERE customer_id = ?", s -> {
            s.setObject(1, survivorId);
            s.setObject(2, duplicateId);
        });
        jdbc.update("""
                UPDATE seg_customer s SET
                  external_id = coalesce(s.external_id, d.external_id),
                  acquisition_channel = coalesce(s.acquisition_channel, d.acquisition_channel),
                  registered_at = least(s.registered_at, d.registered_at)
                FROM seg_customer d WHERE s.customer_id = ? AND d.customer_id = ? AND s.erased_at IS NULL
                """, s -> {
            s.setObject(1, survivorId);
            s.setObject(2, duplicateId);
        });
        jdbc.update("UPDATE seg_customer SET merged_into = ?, external_id = NULL WHERE customer_id = ?", s -> {
            s.setObject(1, survivorId);
            s.setObject(2, duplicateId);
        });
    }

    @Override
    public void erase(UUID customerId, Instant erasedAt) {
        jdbc.update("""
                INSERT INTO seg_customer (customer_id, erased_at) VALUES (?, ?)
                ON CONFLICT (customer_id) DO UPDATE SET external_id = NULL, erased_at = excluded.erased_at
                """, s -> {
            s.setObject(1, customerId);
            s.setTimestamp(2, Jdbc.timestamp(erasedAt));
        });
        jdbc.update("UPDATE seg_purchase SET order_id = NULL WHERE customer_id = ? AND order_id IS NOT NULL",
                s -> s.setObject(1, customerId));
    }
}
