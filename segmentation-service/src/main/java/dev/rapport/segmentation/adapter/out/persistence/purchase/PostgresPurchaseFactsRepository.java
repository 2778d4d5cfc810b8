package dev.rapport.segmentation.adapter.out.persistence.purchase;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.segmentation.adapter.out.persistence.Jdbc;
import dev.rapport.segmentation.adapter.out.persistence.Parameters;
import dev.rapport.segmentation.application.port.out.purchase.PurchaseFactsRepository;
import dev.rapport.segmentation.domain.purchase.CustomerTotals;
import dev.rapport.segmentation.domain.purchase.PurchaseAmount;
import dev.rapport.segmentation.domain.purchase.PurchaseFact;
import dev.rapport.segmentation.domain.purchase.ReturnFact;

@ApplicationScoped
public class PostgresPurchaseFactsRepository implements PurchaseFactsRepository {

    private static final int BATCH = 5_000;

    /** The lifetime totals' upsert: a row is rewritten only when they changed. */
    private static final String TOTALS_CHANGED_ONLY = """
            ON CONFLICT (customer_id) DO UPDATE SET first_at = excluded.first_at, last_at = excluded.last_at,
              purchases = excluded.purchases, monetary = excluded.monetary
            WHERE (seg_customer_totals.first_at, seg_customer_totals.last_at, seg_customer_totals.purchases,
              seg_customer_totals.monetary::text) IS DISTINCT FROM
              (excluded.first_at, excluded.last_at, excluded.purchases, excluded.monetary::text)
            """;

    private final Jdbc jdbc;

    public PostgresPurchaseFactsRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<List<PurchaseAmount>> addKeepingTotals(PurchaseFact p) {
        // one statement per purchase event: the insert, the customer's purchases (the new row comes from
        // RETURNING, the others from the customer index alone, which carries their totals) and its totals over
        // the counting ones (total > 0)
        List<PurchaseAmount> history = jdbc.query("""
                WITH added AS (
                  INSERT INTO seg_purchase (purchase_id, customer_id, order_id, total, currency, occurred_at)
                  VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (purchase_id) DO NOTHING
                  RETURNING occurred_at, total),
                history AS (
                  SELECT * FROM added
                  UNION ALL
                  SELECT occurred_at, total FROM seg_purchase WHERE customer_id = ? AND EXISTS (SELECT FROM added)),
                counting AS (
                  SELECT min(occurred_at) AS first_at, max(occurred_at) AS last_at, count(*) AS purchases,
                    sum(total) AS monetary
                  FROM history WHERE total > 0),
                kept AS (
                  INSERT INTO seg_customer_totals (customer_id, first_at, last_at, purchases, monetary)
                  SELECT ?, first_at, last_at, purchases, monetary FROM counting WHERE purchases > 0
                  """ + TOTALS_CHANGED_ONLY + """
                  ),
                dropped AS (
                  DELETE FROM seg_customer_totals WHERE customer_id = ? AND EXISTS (SELECT FROM added)
                    AND (SELECT purchases FROM counting) = 0)
                SELECT occurred_at, total FROM history ORDER BY occurred_at, total
                """, s -> {
            s.setObject(1, p.purchaseId());
            s.setObject(2, p.customerId());
            s.setString(3, p.orderId());
            s.setBigDecimal(4, p.total());
            s.setString(5, p.currency());
            s.setTimestamp(6, Jdbc.timestamp(p.occurredAt()));
            s.setObject(7, p.customerId());
            s.setObject(8, p.customerId());
            s.setObject(9, p.customerId());
        }, PostgresPurchaseFactsRepository::amount);
        return history.isEmpty() ? Optional.empty() : Optional.of(history);
    }

    @Override
    public Map<UUID, List<PurchaseAmount>> addAllKeepingTotals(List<PurchaseFact> purchases) {
        // a poll's run in one statement, as addKeepingTotals does one purchase: the inserts, each touched
        // customer's stored purchases (from the customer index, one lateral lookup each: a join could scan them
        // all) and its totals
        Map<UUID, PurchaseFact> distinct = new LinkedHashMap<>();
        purchases.forEach(p -> distinct.putIfAbsent(p.purchaseId(), p));
        List<PurchaseFact> input = List.copyOf(distinct.values());
        Map<UUID, List<PurchaseAmount>> found = new HashMap<>();
        Set<UUID> added = new HashSet<>();
        jdbc.query("""
                WITH added AS (
                  INSERT INTO seg_purchase (purchase_id, customer_id, order_id, total, currency, occurred_at)
                  SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::numeric[], ?::text[], ?::timestamptz[])
                  ON CONFLICT (purchase_id) DO NOTHING
                  RETURNING purchase_id, customer_id, occurred_at, total),
                touched AS (SELECT DISTINCT customer_id FROM added),
                history AS (
                  SELECT purchase_id, customer_id, occurred_at, total FROM added
                  UNION ALL
                  SELECT NULL, t.customer_id, s.occurred_at, s.total FROM touched t CROSS JOIN LATERAL (
                    SELECT occurred_at, total FROM seg_purchase p WHERE p.customer_id = t.customer_id OFFSET 0) s),
                counting AS (
                  SELECT customer_id, min(occurred_at) FILTER (WHERE total > 0) AS first_at,
                    max(occurred_at) FILTER (WHERE total > 0) AS last_at, count(*) FILTER (WHERE total > 0) AS purchases,
                    sum(total) FILTER (WHERE total > 0) AS monetary
                  FROM history GROUP BY customer_id),
                kept AS (
                  INSERT INTO seg_customer_totals (customer_id, first_at, last_at, purchases, monetary)
                  SELECT customer_id, first_at, last_at, purchases, monetary FROM counting WHERE purchases > 0
                  """ + TOTALS_CHANGED_ONLY + """
                  ),
                dropped AS (
                  DELETE FROM seg_customer_totals d USING counting c
                  WHERE d.customer_id = c.customer_id AND c.purchases = 0)
                SELECT purchase_id, customer_id, occurred_at, total FROM history ORDER BY customer_id, occurred_at, total
                """, s -> bindAsArrays(s, input), r -> {
            UUID addedId = r.getObject(1, UUID.class);
            if (addedId != null) {
                added.add(addedId);
            }
            found.computeIfAbsent(r.getObject(2, UUID.class), id -> new ArrayList<>())
                    .add(new PurchaseAmount(Jdbc.instant(r, "occurred_at"), r.getBigDecimal(4)));
            return addedId;
        });
        Map<UUID, List<PurchaseAmount>> histories = new LinkedHashMap<>();
        for (PurchaseFact p : input) {
            if (added.contains(p.purchaseId())) {
                histories.putIfAbsent(p.customerId(), found.get(p.customerId()));
            }
        }
        return histories;
    }

    @Override
    public int addAll(List<PurchaseFact> purchases) {
        int added = 0;
        for (int from = 0; from < purchases.size(); from += BATCH) {
            List<PurchaseFact> chunk = purchases.subList(from, Math.min(purchases.size(), from + BATCH));
            added += jdbc.update("""
                    INSERT INTO seg_purchase (purchase_id, customer_id, order_id, total, currency, occurred_at)
                    SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::numeric[], ?::text[], ?::timestamptz[])
                    ON CONFLICT (purchase_id) DO NOTHING
                    """, s -> bindAsArrays(s, chunk));
        }
        jdbc.update("""
                INSERT INTO seg_customer_totals (customer_id, first_at, last_at, purchases, monetary)
                SELECT customer_id, min(occurred_at), max(occurred_at), count(*), sum(total) FROM seg_purchase
                WHERE total > 0 AND customer_id = ANY (?::uuid[]) GROUP BY customer_id
                ON CONFLICT (customer_id) DO UPDATE SET first_at = excluded.first_at, last_at = excluded.last_at,
                  purchases = excluded.purchases, monetary = excluded.monetary
                """, s -> s.setArray(1, "uuid", purchases.stream().map(PurchaseFact::customerId).distinct().toArray()));
        jdbc.update("""
                INSERT INTO seg_customer (customer_id)
                SELECT DISTINCT p.customer_id FROM seg_purchase p
                WHERE NOT EXISTS (SELECT 1 FROM seg_customer c WHERE c.customer_id = p.customer_id)
                """, s -> { });
        return added;
    }

    @Override
    public void addReturns(List<ReturnFact> returns) {
        Map<UUID, ReturnFact> distinct = new LinkedHashMap<>();
        returns.forEach(r -> distinct.putIfAbsent(r.returnId(), r));
        List<ReturnFact> input = List.copyOf(distinct.values());
        jdbc.update("""
                INSERT INTO seg_return (return_id, purchase_id, customer_id, amount, currency, occurred_at)
                SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::numeric[], ?::text[], ?::timestamptz[])
                ON CONFLICT (return_id) DO NOTHING
                """, s -> {
            s.setArray(1, "uuid", input, ReturnFact::returnId);
            s.setArray(2, "uuid", input, ReturnFact::purchaseId);
            s.setArray(3, "uuid", input, ReturnFact::customerId);
            s.setArray(4, "numeric", input, ReturnFact::amount, BigDecimal[]::new);
            s.setArray(5, "text", input, ReturnFact::currency);
            s.setArray(6, "timestamptz", input, r -> Jdbc.timestamp(r.occurredAt()), Timestamp[]::new);
        });
    }

    @Override
    public void keepTotals(UUID customerId, CustomerTotals totals) {
        if (totals == null) {
            jdbc.update("DELETE FROM seg_customer_totals WHERE customer_id = ?", s -> s.setObject(1, customerId));
            return;
        }
        jdbc.update("""
                INSERT INTO seg_customer_totals (customer_id, first_at, last_at, purchases, monetary)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (customer_id) DO UPDATE SET first_at = excluded.first_at, last_at = excluded.last_at,
                  purchases = excluded.purchases, monetary = excluded.monetary
                """, s -> {
            s.setObject(1, customerId);
            s.setTimestamp(2, Jdbc.timestamp(totals.firstAt()));
            s.setTimestamp(3, Jdbc.timestamp(totals.lastAt()));
            s.setInt(4, totals.purchases());
            s.setBigDecimal(5, totals.monetary());
        });
    }

    @Override
    public List<PurchaseAmount> purchasesOf(UUID customerId) {
        return jdbc.query("""
                SELECT occurred_at, total FROM seg_purchase WHERE customer_id = ? ORDER BY occurred_at, total
                """, s -> s.setObject(1, customerId), PostgresPurchaseFactsRepository::amount);
    }

    /** The purchases as the six arrays (id, customer, order, total, currency, time) parameters 1–6 unnest. */
    private static void bindAsArrays(Parameters s, List<PurchaseFact> purchases) throws SQLException {
        s.setArray(1, "uuid", purchases, PurchaseFact::purchaseId);
        s.setArray(2, "uuid", purchases, PurchaseFact::customerId);
        s.setArray(3, "text", purchases, PurchaseFact::orderId);
        s.setArray(4, "numeric", purchases, PurchaseFact::total, BigDecimal[]::new);
        s.setArray(5, "text", purchases, PurchaseFact::currency);
        s.setArray(6, "timestamptz", purchases, p -> Timestamp.from(p.occurredAt()), Timestamp[]::new);
    }

    private static PurchaseAmount amount(ResultSet r) throws SQLException {
        return new PurchaseAmount(Jdbc.instant(r, "occurred_at"), r.getBigDecimal(2));
    }
}
