package dev.rapport.segmentation.adapter.out.persistence.lifecycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.segmentation.adapter.out.persistence.Jdbc;
import dev.rapport.segmentation.application.port.out.lifecycle.SignalRepository;
import dev.rapport.segmentation.domain.lifecycle.CustomerSignals;

@ApplicationScoped
public class PostgresSignalRepository implements SignalRepository {

    private static final String COLUMNS = "customer_id, last_nps, last_csat, open_complaints, breached_complaints, "
            + "last_loyalty_activity, points_expired, loyalty_member";

    private final Jdbc jdbc;

    public PostgresSignalRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public CustomerSignals find(UUID customerId) {
        return jdbc.one("SELECT " + COLUMNS + " FROM seg_signal WHERE customer_id = ?", s -> s.setObject(1, customerId),
                PostgresSignalRepository::signals).orElse(CustomerSignals.NONE);
    }

    @Override
    public Map<UUID, CustomerSignals> findAll(Collection<UUID> customerIds) {
        Map<UUID, CustomerSignals> found = new HashMap<>();
        if (customerIds.isEmpty()) {
            return found;
        }
        jdbc.query("SELECT " + COLUMNS + " FROM seg_signal WHERE customer_id = ANY (?)",
                s -> s.setArray(1, "uuid", customerIds.toArray()),
                r -> found.put(r.getObject(1, UUID.class), signals(r)));
        return found;
    }

    /** The signals of a row with the columns of seg_signal, by name. */
    public static CustomerSignals signals(ResultSet r) throws SQLException {
        return new CustomerSignals((Integer) r.getObject("last_nps", Integer.class),
                (Integer) r.getObject("last_csat", Integer.class), r.getInt("open_complaints"),
                r.getInt("breached_complaints"), Jdbc.instant(r, "last_loyalty_activity"), r.getLong("points_expired"),
                r.getBoolean("loyalty_member"));
    }

    private void upsert(UUID customerId, String set, Jdbc.Binder values) {
        jdbc.update("INSERT INTO seg_signal (customer_id) VALUES (?) ON CONFLICT (customer_id) DO NOTHING",
                s -> s.setObject(1, customerId));
        jdbc.update("UPDATE seg_signal SET " + set + " WHERE customer_id = ?", values);
    }

    @Override
    public void nps(UUID customerId, int score) {
        upsert(customerId, "last_nps = ?", s -> {
            s.setInt(1, score);
            s.setObject(2, customerId);
        });
    }

    @Override
    public void csat(UUID customerId, int rating) {
        upsert(customerId, "last_csat = ?", s -> {
            s.setInt(1, rating);
            s.setObject(2, customerId);
        });
    }

    @Override
    public void complaint(UUID customerId, int delta, boolean breached) {
        upsert(customerId, "open_complaints = greatest(0, open_complaints + ?), "
                + "breached_complaints = breached_complaints + ?", s -> {
            s.setInt(1, delta);
            s.setInt(2, breached ? 1 : 0);
            s.setObject(3, customerId);
        });
    }

    @Override
    public void loyaltyActivity(UUID customerId, Instant at) {
        upsert(customerId, "loyalty_member = true, last_loyalty_activity = greatest(last_loyalty_activity, ?)", s -> {
            s.setTimestamp(1, Jdbc.timestamp(at));
            s.setObject(2, customerId);
        });
    }

    @Override
    public void pointsExpired(UUID customerId, long points) {
        upsert(customerId, "loyalty_member = true, points_expired = points_expired + ?", s -> {
            s.setLong(1, points);
            s.setObject(2, customerId);
        });
    }

    /** One statement for all customers (a row is created where there is none). */
    @Override
    public void addAll(Collection<Gathered> gathered) {
        if (gathered.isEmpty()) {
            return;
        }
        List<Gathered> rows = List.copyOf(gathered);
        jdbc.update("""
                INSERT INTO seg_signal AS s (customer_id, last_nps, last_csat, last_loyalty_activity, points_expired,
                  loyalty_member)
                SELECT * FROM unnest(?::uuid[], ?::smallint[], ?::smallint[], ?::timestamptz[], ?::bigint[], ?::boolean[])
                ON CONFLICT (customer_id) DO UPDATE SET
                  last_nps = coalesce(excluded.last_nps, s.last_nps), last_csat = coalesce(excluded.last_csat, s.last_csat),
                  last_loyalty_activity = greatest(s.last_loyalty_activity, excluded.last_loyalty_activity),
                  points_expired = s.points_expired + excluded.points_expired,
                  loyalty_member = s.loyalty_member OR excluded.loyalty_member
                """, s -> {
            s.setArray(1, "uuid", rows, Gathered::customerId);
            s.setArray(2, "int2", rows, Gathered::lastNps);
            s.setArray(3, "int2", rows, Gathered::lastCsat);
            s.setArray(4, "timestamptz", rows,
                    g -> g.lastLoyaltyActivity() == null ? null : Jdbc.timestamp(g.lastLoyaltyActivity()));
            s.setArray(5, "int8", rows, Gathered::pointsExpired);
            s.setArray(6, "bool", rows, Gathered::loyaltyMember);
        });
    }

    @Override
    public void merge(UUID survivorId, UUID duplicateId) {
        jdbc.update("""
                INSERT INTO seg_signal AS s (customer_id, last_nps, last_csat, open_complaints, breached_complaints,
                  last_loyalty_activity, points_expired, loyalty_member)
                SELECT ?, last_nps, last_csat, open_complaints, breached_complaints, last_loyalty_activity,
                  points_expired, loyalty_member FROM seg_signal WHERE customer_id = ?
                ON CONFLICT (customer_id) DO UPDATE SET
                  last_nps = coalesce(s.last_nps, excluded.last_nps), last_csat = coalesce(s.last_csat, excluded.last_csat),
                  open_complaints = s.open_complaints + excluded.open_complaints,
                  breached_complaints = s.breached_complaints + excluded.breached_complaints,
                  last_loyalty_activity = greatest(s.last_loyalty_activity, excluded.last_loyalty_activity),
                  points_expired = s.points_expired + excluded.points_expired,
                  loyalty_member = s.loyalty_member OR excluded.loyalty_member
                """, s -> {
            s.setObject(1, survivorId);
            s.setObject(2, duplicateId);
        });
        jdbc.update("DELETE FROM seg_signal WHERE customer_id = ?", s -> s.setObject(1, duplicateId));
    }
}
