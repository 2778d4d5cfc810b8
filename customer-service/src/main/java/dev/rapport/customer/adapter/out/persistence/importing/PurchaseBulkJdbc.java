package dev.rapport.customer.adapter.out.persistence.importing;

import dev.rapport.customer.adapter.out.persistence.FreshPlans;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import dev.rapport.customer.application.port.out.importing.ImportChunkStore.AddedReturn;
import dev.rapport.customer.application.port.out.importing.ImportChunkStore.CustomerReturnKey;
import dev.rapport.customer.application.port.out.importing.ImportChunkStore.ReturnSearch;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.purchase.CurrencyCode;
import dev.rapport.customer.domain.purchase.Money;
import dev.rapport.customer.domain.purchase.OrderId;
import dev.rapport.customer.domain.purchase.Purchase;
import dev.rapport.customer.domain.purchase.PurchaseId;
import dev.rapport.customer.domain.purchase.PurchaseLine;
import dev.rapport.customer.domain.purchase.PurchaseReturn;
import dev.rapport.customer.domain.purchase.ReturnId;
import dev.rapport.customer.domain.purchase.ReturnKey;
import dev.rapport.customer.domain.purchase.ReturnLine;
import dev.rapport.customer.domain.purchase.ReturnablePurchase;
import dev.rapport.customer.domain.purchase.Sku;
import dev.rapport.messaging.jdbc.BinaryCopyRows;

/**
 * Purchases and returns of an import chunk in plain JDBC on the transaction's connection (Agroal
 * hands back the one enlisted in the JTA transaction, so everything commits or rolls back with the
 * chunk and the job's checkpoint). Reads take arrays ({@code = ANY(?)}, {@code unnest}), inserts use
 * binary COPY. Nothing passes through the Hibernate session: with hundreds of thousands of lines per
 * import its persistence context and the dirty checking of every auto-flush made imports quadratic.
 */
@ApplicationScoped
class PurchaseBulkJdbc {

    private static final String HEADER_COLUMNS = "p.id, p.customer_id, p.order_id, p.currency, p.occurred_at, p.recorded_at";
    private static final String BY_ORDER_IDS = "SELECT " + HEADER_COLUMNS + " FROM purchase p WHERE p.order_id = ANY (?)";
    // Per customer: their purchases up to their latest cancellation of the chunk (index on
    // customer_id, occurred_at), kept when one of their lines (primary key starts with purchase_id)
    // has one of the SKUs that customer returns. One scan per customer, not one per (customer, SKU):
    // a customer with hundreds of purchases returning ten SKUs had all their lines read ten times.
    // The set can hold more than a single pair needs (a purchase after an earlier return's time);
    // matching checks the time of each return in memory, so more candidates never change a result.
    // OFFSET 0 keeps that per-customer plan: during an import the statistics lag far behind the
    // growing tables, and the planner would otherwise hash-join a full scan of purchase_line.
    // The ids are collected into an array first (ARRAY(...)) and the purchases then fetched by
    // primary key: with "id IN (subquery)" the planner merge-joined a scan of every purchase's id
    // (15 ms of a 28 ms lookup once the table held 37k purchases). Locked in id order, so two
    // transactions locking overlapping sets cannot deadlock each other.
    private static final String RETURN_CANDIDATES = "SELECT " + HEADER_COLUMNS + """
             FROM purchase p
            WHERE p.id = ANY (ARRAY(
                SELECT c.id
                FROM (SELECT w.customer_id, max(w.not_after) AS not_after, array_agg(w.sku) AS skus
                      FROM unnest(?::uuid[], ?::text[], ?::timestamptz[]) AS w(customer_id, sku, not_after)
                      GROUP BY w.customer_id) w
                CROSS JOIN LATERAL (
                    SELECT c.id FROM purchase c
                    WHERE c.customer_id = w.customer_id AND c.occurred_at <= w.not_after
                      AND EXISTS (SELECT 1 FROM purchase_line l WHERE l.purchase_id = c.id AND l.sku = ANY (w.skus))
                    OFFSET 0) c))
            ORDER BY p.id
            FOR UPDATE""";
    private static final String LINES = """
            SELECT purchase_id, line_number, sku, description, quantity, unit_price
            FROM purchase_line WHERE purchase_id = ANY (?) ORDER BY purchase_id, line_number""";
    private static final String LINES_OF_SKUS = """
            SELECT purchase_id, line_number, sku, quantity, unit_price
            FROM purchase_line WHERE purchase_id = ANY (?) AND sku = ANY (?) ORDER BY purchase_id, line_number""";
    private static final String RETURNS = """
            SELECT r.purchase_id, r.id, r.return_key, r.reason, r.occurred_at, r.recorded_at,
                   l.line_number, l.sku, l.quantity, l.amount
            FROM purchase_return r JOIN purchase_return_line l ON l.return_id = r.id
            WHERE r.purchase_id = ANY (?)
            ORDER BY r.purchase_id, r.recorded_at, r.id, l.line_number""";
    // A return line carries its purchase line's SKU, so these are all the returns of the lines above.
    private static final String RETURNED_OF_SKUS = """
            SELECT r.purchase_id, l.line_number, sum(l.quantity)
            FROM purchase_return r JOIN purchase_return_line l ON l.return_id = r.id
            WHERE r.purchase_id = ANY (?) AND l.sku = ANY (?)
            GROUP BY r.purchase_id, l.line_number""";
    private static final String RETURN_KEYS = """
            SELECT p.customer_id, r.return_key FROM purchase_return r JOIN purchase p ON p.id = r.purchase_id
            WHERE r.return_key = ANY (?)""";
    private static final String COPY_PURCHASE = """
            COPY purchase (id, customer_id, order_id, currency, total, returned_amount, line_count, occurred_at,
                recorded_at, version) FROM STDIN WITH (FORMAT binary)""";
    private static final String COPY_LINE = """
            COPY purchase_line (purchase_id, line_number, sku, description, quantity, unit_price)
            FROM STDIN WITH (FORMAT binary)""";
    private static final String COPY_RETURN = """
            COPY purchase_return (id, purchase_id, return_key, amount, reason, occurred_at, recorded_at)
            FROM STDIN WITH (FORMAT binary)""";
    private static final String COPY_RETURN_LINE = """
            COPY purchase_return_line (return_id, line_number, sku, quantity, amount) FROM STDIN WITH (FORMAT binary)""";
    // Adds the new returns' amounts to the stored sum: the candidates hold only some returns' lines, so
    // they cannot say what the whole purchase has returned. The rows are locked by the candidate
    // lookup, and the CHECK (returned_amount <= total) still refuses more than was bought. The version
    // grows by one per return, as it does when the single-write path adds one through Hibernate.
    private static final String UPDATE_RETURNED = """
            UPDATE purchase p SET returned_amount = p.returned_amount + u.added_amount, version = p.version + u.added
            FROM unnest(?::uuid[], ?::numeric[], ?::int[]) AS u(id, added_amount, added)
            WHERE p.id = u.id""";

    private final AgroalDataSource dataSource;

    PurchaseBulkJdbc(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    Map<OrderId, Purchase> findByOrderIds(Collection<OrderId> orderIds) {
        Map<OrderId, Purchase> found = new HashMap<>();
        if (orderIds.isEmpty()) {
            return found;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = FreshPlans.prepare(connection, BY_ORDER_IDS)) {
            select.setArray(1, connection.createArrayOf("text", orderIds.stream().map(OrderId::value).toArray()));
            for (Purchase purchase : load(connection, select)) {
                found.put(purchase.orderId(), purchase);
            }
            return found;
        } catch (SQLException e) {
            throw failure("reading " + orderIds.size() + " purchases by order id", e);
        }
    }

    Set<CustomerReturnKey> findReturnKeys(Collection<CustomerReturnKey> keys) {
        Set<CustomerReturnKey> found = new HashSet<>();
        if (keys.isEmpty()) {
            return found;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = FreshPlans.prepare(connection, RETURN_KEYS)) {
            select.setArray(1, connection.createArrayOf("text",
                    keys.stream().map(k -> k.key().value()).distinct().toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    CustomerReturnKey key = new CustomerReturnKey(new CustomerId(rows.getObject(1, UUID.class)),
                            new ReturnKey(rows.getString(2)));
                    if (keys.contains(key)) {
                        found.add(key);
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw failure("reading " + keys.size() + " return keys", e);
        }
    }

    List<ReturnablePurchase> lockReturnCandidates(Collection<ReturnSearch> wanted) {
        if (wanted.isEmpty()) {
            return List.of();
        }
        int size = wanted.size();
        UUID[] customers = new UUID[size];
        String[] skus = new String[size];
        String[] notAfter = new String[size];
        Set<Sku> searched = new HashSet<>();
        int i = 0;
        for (ReturnSearch search : wanted) {
            customers[i] = search.customerId().value();
            skus[i] = search.sku().value();
            notAfter[i] = search.notAfter().toString();
            searched.add(search.sku());
            i++;
        }
        // Every candidate holds the lines of all searched SKUs it has: more than its own customer asks
        // for, never less.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = FreshPlans.prepare(connection, RETURN_CANDIDATES)) {
            select.setArray(1, connection.createArrayOf("uuid", customers));
            select.setArray(2, connection.createArrayOf("text", skus));
            select.setArray(3, connection.createArrayOf("text", notAfter));
            // Measured on the real file: with the statistics of tables an import is filling, the
            // planner scanned purchase_line whole here (0.5 s per chunk, most of the import) until the
            // chunk's transaction planned without sequential scans (see PostgresImportChunkStore).
            return returnable(connection, select, searched);
        } catch (SQLException e) {
            throw failure("reading the return candidates of " + size + " customer/SKU pairs", e);
        }
    }

    /**
     * Stores new purchases with their lines, running {@code meanwhile} once while PostgreSQL stores the
     * lines (it must not use the connection); when it throws, nothing of the purchases is stored.
     */
    void addAll(List<Purchase> purchases, Runnable meanwhile) {
        if (purchases.isEmpty()) {
            meanwhile.run();
            return;
        }
        // Binary COPY (see BinaryCopyRows): one value method per column type. Buffers sized up front
        // (upper estimates per row), so a chunk's ~1,500 lines are encoded without regrowing.
        int lineCount = 0;
        for (Purchase p : purchases) {
            lineCount += p.lines().size();
        }
        BinaryCopyRows headers = new BinaryCopyRows(10, purchases.size() * 160);
        BinaryCopyRows lines = new BinaryCopyRows(6, lineCount * 128);
        for (Purchase p : purchases) {
            headers.row().uuid(p.id().value()).uuid(p.customerId().value()).text(p.orderId().value())
                    .text(p.currency().code()).numeric(p.total().amount()).numeric(p.returnedAmount().amount())
                    .int4(p.lines().size()).timestamptz(p.occurredAt()).timestamptz(p.recordedAt()).int8(0L);
            for (PurchaseLine l : p.lines()) {
                lines.row().uuid(p.id().value()).int4(l.lineNumber()).text(l.sku().value()).text(l.description())
                        .int4(l.quantity()).numeric(l.unitPrice().amount());
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            headers.copyInto(connection, COPY_PURCHASE);
            // All lines go out at once; the server stores them while meanwhile runs.
            lines.copyInto(connection, COPY_LINE, meanwhile);
        } catch (SQLException e) {
            throw failure("inserting " + purchases.size() + " purchases", e);
        }
    }

    /** Stores returns and adds their amounts and one version per return to their purchases. */
    void addReturns(List<AddedReturn> returns) {
        if (returns.isEmpty()) {
            return;
        }
        BinaryCopyRows headers = new BinaryCopyRows(7, returns.size() * 192);
        BinaryCopyRows lines = new BinaryCopyRows(5, returns.size() * 96);
        Map<PurchaseId, Money> addedAmount = new LinkedHashMap<>();
        Map<PurchaseId, Integer> added = new HashMap<>();
        for (AddedReturn addedReturn : returns) {
            PurchaseId purchaseId = addedReturn.purchaseId();
            PurchaseReturn r = addedReturn.purchaseReturn();
            headers.row().uuid(r.id().value()).uuid(purchaseId.value()).text(r.key() == null ? null : r.key().value())
                    .numeric(r.amount().amount()).text(r.reason()).timestamptz(r.occurredAt())
                    .timestamptz(r.recordedAt());
            for (ReturnLine l : r.lines()) {
                lines.row().uuid(r.id().value()).int4(l.lineNumber()).text(l.sku().value()).int4(l.quantity())
                        .numeric(l.amount().amount());
            }
            addedAmount.merge(purchaseId, r.amount(), Money::plus);
            added.merge(purchaseId, 1, Integer::sum);
        }
        UUID[] ids = new UUID[addedAmount.size()];
        String[] amounts = new String[addedAmount.size()];
        Integer[] counts = new Integer[addedAmount.size()];
        int i = 0;
        for (Map.Entry<PurchaseId, Money> entry : addedAmount.entrySet()) {
            ids[i] = entry.getKey().value();
            amounts[i] = entry.getValue().amount().toPlainString();
            counts[i] = added.get(entry.getKey());
            i++;
        }
        try (Connection connection = dataSource.getConnection()) {
            headers.copyInto(connection, COPY_RETURN);
            lines.copyInto(connection, COPY_RETURN_LINE);
            try (PreparedStatement update = FreshPlans.prepare(connection, UPDATE_RETURNED)) {
                update.setArray(1, connection.createArrayOf("uuid", ids));
                update.setArray(2, connection.createArrayOf("text", amounts));
                update.setArray(3, connection.createArrayOf("int4", counts));
                int updated = update.executeUpdate();
                if (updated != ids.length) {
                    throw new IllegalStateException("returns were added to " + ids.length + " purchases but only "
                            + updated + " are stored");
                }
            }
        } catch (SQLException e) {
            throw failure("inserting " + returns.size() + " returns", e);
        }
    }

    private static Map<UUID, Header> headers(PreparedStatement headerQuery) throws SQLException {
        Map<UUID, Header> headers = new LinkedHashMap<>();
        try (ResultSet rows = headerQuery.executeQuery()) {
            while (rows.next()) {
                UUID id = rows.getObject(1, UUID.class);
                headers.put(id, new Header(id, rows.getObject(2, UUID.class), rows.getString(3),
                        new CurrencyCode(rows.getString(4).strip()), instant(rows, 5), instant(rows, 6)));
            }
        }
        return headers;
    }

    /** Runs a query of purchase headers ({@link #HEADER_COLUMNS}) and completes them with all lines and returns. */
    private static List<Purchase> load(Connection connection, PreparedStatement headerQuery) throws SQLException {
        Map<UUID, Header> headers = headers(headerQuery);
        if (headers.isEmpty()) {
            return List.of();
        }
        Array ids = connection.createArrayOf("uuid", headers.keySet().toArray());
        try (PreparedStatement select = FreshPlans.prepare(connection, LINES)) {
            select.setArray(1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Header header = headers.get(rows.getObject(1, UUID.class));
                    header.lines().add(new PurchaseLine(rows.getInt(2), new Sku(rows.getString(3)), rows.getString(4),
                            rows.getInt(5), new Money(rows.getBigDecimal(6), header.currency())));
                }
            }
        }
        try (PreparedStatement select = FreshPlans.prepare(connection, RETURNS)) {
            select.setArray(1, ids);
            try (ResultSet rows = select.executeQuery()) {
                ReturnRows current = null;
                while (rows.next()) {
                    UUID returnId = rows.getObject(2, UUID.class);
                    if (current == null || !current.id().equals(returnId)) {
                        if (current != null) {
                            current.addTo(headers);
                        }
                        String key = rows.getString(3);
                        current = new ReturnRows(rows.getObject(1, UUID.class), returnId,
                                key == null ? null : new ReturnKey(key), rows.getString(4), instant(rows, 5),
                                instant(rows, 6));
                    }
                    Header header = headers.get(current.purchaseId());
                    current.lines().add(new ReturnLine(rows.getInt(7), new Sku(rows.getString(8)), rows.getInt(9),
                            new Money(rows.getBigDecimal(10), header.currency())));
                }
                if (current != null) {
                    current.addTo(headers);
                }
            }
        }
        List<Purchase> purchases = new ArrayList<>(headers.size());
        for (Header h : headers.values()) {
            purchases.add(Purchase.restore(new PurchaseId(h.id()), new CustomerId(h.customerId()), new OrderId(h.orderId()),
                    h.currency(), h.occurredAt(), h.recordedAt(), h.lines(), h.returns()));
        }
        return purchases;
    }

    /**
     * Runs a query of purchase headers and reads, of their lines with one of {@code skus}, what is
     * still returnable: the quantity bought minus what the returns of those lines took.
     */
    private static List<ReturnablePurchase> returnable(Connection connection, PreparedStatement headerQuery,
                                                       Set<Sku> skus) throws SQLException {
        Map<UUID, Header> headers = headers(headerQuery);
        if (headers.isEmpty()) {
            return List.of();
        }
        Array ids = connection.createArrayOf("uuid", headers.keySet().toArray());
        Array skuArray = connection.createArrayOf("text", skus.stream().map(Sku::value).toArray());
        Map<UUID, Map<Integer, Integer>> returned = new HashMap<>();
        try (PreparedStatement select = FreshPlans.prepare(connection, RETURNED_OF_SKUS)) {
            select.setArray(1, ids);
            select.setArray(2, skuArray);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    returned.computeIfAbsent(rows.getObject(1, UUID.class), k -> new HashMap<>())
                            .put(rows.getInt(2), rows.getInt(3));
                }
            }
        }
        Map<UUID, List<ReturnablePurchase.Line>> lines = new HashMap<>();
        try (PreparedStatement select = FreshPlans.prepare(connection, LINES_OF_SKUS)) {
            select.setArray(1, ids);
            select.setArray(2, skuArray);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID purchaseId = rows.getObject(1, UUID.class);
                    int lineNumber = rows.getInt(2);
                    int taken = returned.getOrDefault(purchaseId, Map.of()).getOrDefault(lineNumber, 0);
                    lines.computeIfAbsent(purchaseId, k -> new ArrayList<>()).add(new ReturnablePurchase.Line(lineNumber,
                            new Sku(rows.getString(3)), new Money(rows.getBigDecimal(5), headers.get(purchaseId).currency()),
                            rows.getInt(4) - taken));
                }
            }
        }
        List<ReturnablePurchase> purchases = new ArrayList<>(headers.size());
        for (Header h : headers.values()) {
            purchases.add(new ReturnablePurchase(new PurchaseId(h.id()), new CustomerId(h.customerId()),
                    new OrderId(h.orderId()), h.occurredAt(), lines.getOrDefault(h.id(), List.of())));
        }
        return purchases;
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static IllegalStateException failure(String what, SQLException e) {
        SQLException next = e.getNextException();
        return new IllegalStateException(what + " failed: " + (next != null ? next.getMessage() : e.getMessage()), e);
    }

    /** A stored purchase being read: its row, then its lines and returns as they arrive. */
    private record Header(UUID id, UUID customerId, String orderId, CurrencyCode currency, Instant occurredAt,
                          Instant recordedAt, List<PurchaseLine> lines, List<PurchaseReturn> returns) {
        Header(UUID id, UUID customerId, String orderId, CurrencyCode currency, Instant occurredAt, Instant recordedAt) {
            this(id, customerId, orderId, currency, occurredAt, recordedAt, new ArrayList<>(), new ArrayList<>());
        }
    }

    /** A stored return being read: its row, then its lines. */
    private record ReturnRows(UUID purchaseId, UUID id, ReturnKey key, String reason, Instant occurredAt,
                              Instant recordedAt, List<ReturnLine> lines) {
        ReturnRows(UUID purchaseId, UUID id, ReturnKey key, String reason, Instant occurredAt, Instant recordedAt) {
            this(purchaseId, id, key, reason, occurredAt, recordedAt, new ArrayList<>());
        }

        void addTo(Map<UUID, Header> headers) {
            headers.get(purchaseId).returns().add(new PurchaseReturn(new ReturnId(id), key, lines, reason, occurredAt,
                    recordedAt));
        }
    }
}
