package dev.rapport.loyalty.adapter.out.persistence.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageCursor;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.loyalty.adapter.out.persistence.Jdbc;
import dev.rapport.loyalty.application.port.out.account.LedgerRepository;
import dev.rapport.loyalty.domain.account.EntryType;
import dev.rapport.loyalty.domain.account.LedgerEntry;
import dev.rapport.loyalty.domain.account.LedgerTotals;
import dev.rapport.loyalty.domain.account.PointLot;
import dev.rapport.messaging.jdbc.BinaryCopyRows;

@ApplicationScoped
public class JdbcLedgerRepository implements LedgerRepository {

    private static final String ENTRY_COLUMNS = "id, customer_id, type, points, running_balance, reason, source_type, "
            + "source_id, agent, occurred_at, recorded_at";
    private static final String LOT_COLUMNS = "id, customer_id, entry_id, points, remaining, available_at, expires_at, "
            + "order_id, order_total, returned_amount, reversed_points, expired_points";

    private final Jdbc jdbc;

    public JdbcLedgerRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(LedgerEntry e) {
        jdbc.update("insert into ledger_entry (" + ENTRY_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.id(), e.customerId(), e.type().wireName(), e.points(), e.runningBalance(), e.reason(), e.sourceType(),
                e.sourceId(), e.agent(), e.occurredAt(), e.recordedAt());
    }

    @Override
    public void appendAll(List<LedgerEntry> entries) {
        // Binary COPY: a consumer batch writes hundreds of entries; COPY skips the per-row parse and bind
        // of a multi-row INSERT. A second earn of an order still fails on the unique index (whole batch).
        BinaryCopyRows rows = new BinaryCopyRows(11, entries.size() * 160);
        for (LedgerEntry e : entries) {
            rows.row().uuid(e.id()).uuid(e.customerId()).text(e.type().wireName()).int8(e.points())
                    .int8(e.runningBalance()).text(e.reason()).text(e.sourceType()).text(e.sourceId()).text(e.agent())
                    .timestamptz(e.occurredAt()).timestamptz(e.recordedAt());
        }
        jdbc.copy("copy ledger_entry (" + ENTRY_COLUMNS + ") from stdin with (format binary)", rows);
    }

    @Override
    public Set<OrderKey> earnedOrders(Collection<OrderKey> orders) {
        if (orders.isEmpty()) {
            return Set.of();
        }
        UUID[] customers = orders.stream().map(OrderKey::customerId).toArray(UUID[]::new);
        String[] ids = orders.stream().map(OrderKey::orderId).toArray(String[]::new);
        return new HashSet<>(jdbc.list("select customer_id, order_id from point_lot "
                        + "where order_id is not null "
                        + "and (customer_id, order_id) in (select * from unnest(?::uuid[], ?::text[]))",
                rs -> new OrderKey(Jdbc.uuid(rs, "customer_id"), rs.getString("order_id")), customers, ids));
    }

    @Override
    public Set<UUID> withExpiryDue(Collection<UUID> customerIds, Instant now) {
        return new HashSet<>(jdbc.list("select distinct customer_id from point_lot where customer_id = any(?) "
                + "and remaining > 0 and expires_at <= ?", rs -> Jdbc.uuid(rs, "customer_id"),
                customerIds.toArray(UUID[]::new), now));
    }

    @Override
    public Map<UUID, Long> qualifyingPoints(Collection<UUID> owners, Instant windowStart) {
        UUID[] ids = owners.toArray(UUID[]::new);
        Map<UUID, Long> points = new HashMap<>();
        jdbc.list("select m.owner, coalesce(sum(e.points) filter (where e.type in ('earn', 'reverse', 'referral-bonus', "
                        + "'birthday-bonus') and e.occurred_at >= ?), 0) as qualifying "
                        + "from (select o.id as owner, o.id as member from unnest(?::uuid[]) as o(id) "
                        + "union all select merged_into, customer_id from loyalty_account where merged_into = any(?)) m "
                        + "left join ledger_entry e on e.customer_id = m.member and e.occurred_at >= ? group by m.owner",
                        rs -> Map.entry(Jdbc.uuid(rs, "owner"), Math.max(0, rs.getLong("qualifying"))), windowStart, ids, ids,
                        windowStart)
                .forEach(e -> points.put(e.getKey(), e.getValue()));
        return points;
    }

    @Override
    public Set<UUID> reaching(Map<UUID, Long> needed, Instant windowStart) {
        if (needed.isEmpty()) {
            return Set.of();
        }
        // The window's aggregate reads every entry of the member; the upper bound kept on the account
        // (qualifying_bound: all its positive qualifying points, merged accounts' added) rules out most
        // members of a batch without it. The CASE keeps the planner from running the aggregate first.
        UUID[] ids = needed.keySet().toArray(UUID[]::new);
        Long[] amounts = needed.values().toArray(Long[]::new);
        // Own entries and merged accounts' entries in two sums, each an index range per account (one
        // IN over a UNION of both made the planner scan the whole ledger).
        String qualifying = "e.type in ('earn', 'reverse', 'referral-bonus', 'birthday-bonus') and e.occurred_at >= ?";
        return new HashSet<>(jdbc.list("select o.owner from unnest(?::uuid[], ?::bigint[]) as o(owner, needed) "
                        + "where case when coalesce((select a.qualifying_bound from loyalty_account a where a.customer_id = o.owner), 0) "
                        + "+ coalesce((select sum(m.qualifying_bound) from loyalty_account m where m.merged_into = o.owner), 0) "
                        + "< o.needed then false "
                        + "else greatest(0, coalesce((select sum(e.points) from ledger_entry e where e.customer_id = o.owner and "
                        + qualifying + "), 0) + coalesce((select sum(e.points) from loyalty_account m join ledger_entry e "
                        + "on e.customer_id = m.customer_id where m.merged_into = o.owner and " + qualifying + "), 0)) "
                        + ">= o.needed end",
                rs -> Jdbc.uuid(rs, "owner"), ids, amounts, windowStart, windowStart));
    }

    @Override
    public Page<LedgerEntry> page(UUID customerId, PageRequest request) {
        int fetch = request.limit() + 1;
        List<LedgerEntry> rows = request.after() == null
                ? jdbc.list("select " + ENTRY_COLUMNS + " from ledger_entry where customer_id = ? "
                + "order by recorded_at, id limit ?", JdbcLedgerRepository::entry, customerId, fetch)
                : jdbc.list("select " + ENTRY_COLUMNS + " from ledger_entry where customer_id = ? "
                        + "and (recorded_at, id) > (?, ?) order by recorded_at, id limit ?", JdbcLedgerRepository::entry,
                customerId, request.after().position(), request.after().id(), fetch);
        if (rows.size() <= request.limit()) {
            return new Page<>(rows, null);
        }
        List<LedgerEntry> items = rows.subList(0, request.limit());
        LedgerEntry last = items.getLast();
        return new Page<>(items, new PageCursor(last.recordedAt(), last.id()));
    }

    @Override
    public boolean hasEntry(UUID customerId, EntryType type, String sourceId) {
        return jdbc.one("select 1 from ledger_entry where customer_id = ? and type = ? and source_id = ?",
                rs -> true, customerId, type.wireName(), sourceId).isPresent();
    }

    @Override
    public Set<SourceKey> withEntry(EntryType type, Collection<SourceKey> sources) {
        if (sources.isEmpty()) {
            return Set.of();
        }
        UUID[] customers = sources.stream().map(SourceKey::customerId).toArray(UUID[]::new);
        String[] ids = sources.stream().map(SourceKey::sourceId).toArray(String[]::new);
        // The type as a literal: the unique indexes on (customer_id, source_id) are partial, one per type, and
        // a plan made for a parameter could use none of them (it read every entry of each account).
        return new HashSet<>(jdbc.list("select customer_id, source_id from ledger_entry where type = '" + type.wireName()
                        + "' and (customer_id, source_id) in (select * from unnest(?::uuid[], ?::text[]))",
                rs -> new SourceKey(Jdbc.uuid(rs, "customer_id"), rs.getString("source_id")), customers, ids));
    }

    @Override
    public Map<UUID, List<PointLot>> openLotsOf(Collection<UUID> customerIds) {
        Map<UUID, List<PointLot>> lots = new HashMap<>();
        if (customerIds.isEmpty()) {
            return lots;
        }
        jdbc.list("select l.* from unnest(?::uuid[]) as c(id) cross join lateral (select " + LOT_COLUMNS
                        + " from point_lot where customer_id = c.id and remaining > 0 "
                        + "order by expires_at, available_at, id) l", JdbcLedgerRepository::lot,
                        (Object) customerIds.toArray(UUID[]::new))
                .forEach(lot -> lots.computeIfAbsent(lot.customerId(), id -> new ArrayList<>()).add(lot));
        return lots;
    }

    @Override
    public Map<OrderKey, PointLot> lotsForOrders(Collection<OrderKey> orders) {
        // "order_id is not null" lets the plan use the partial index on (customer_id, order_id)
        Map<OrderKey, PointLot> lots = new HashMap<>();
        if (orders.isEmpty()) {
            return lots;
        }
        UUID[] customers = orders.stream().map(OrderKey::customerId).toArray(UUID[]::new);
        String[] ids = orders.stream().map(OrderKey::orderId).toArray(String[]::new);
        jdbc.list("select " + LOT_COLUMNS + " from point_lot "
                        + "where order_id is not null "
                        + "and (customer_id, order_id) in (select * from unnest(?::uuid[], ?::text[]))",
                        JdbcLedgerRepository::lot, customers, ids)
                .forEach(lot -> lots.put(new OrderKey(lot.customerId(), lot.orderId()), lot));
        return lots;
    }

    @Override
    public List<PointLot> openLots(UUID customerId) {
        return jdbc.list("select " + LOT_COLUMNS + " from point_lot where customer_id = ? and remaining > 0 "
                + "order by expires_at, available_at, id", JdbcLedgerRepository::lot, customerId);
    }

    @Override
    public Optional<PointLot> lotForOrder(UUID customerId, String orderId) {
        return jdbc.one("select " + LOT_COLUMNS + " from point_lot where customer_id = ? and order_id = ?",
                JdbcLedgerRepository::lot, customerId, orderId);
    }

    @Override
    public void insertLot(PointLot l) {
        jdbc.update("insert into point_lot (" + LOT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", l.id(),
                l.customerId(), l.entryId(), l.points(), l.remaining(), l.availableAt(), l.expiresAt(), l.orderId(),
                l.orderTotal(), l.returnedAmount(), l.reversedPoints(), l.expiredPoints());
    }

    @Override
    public void insertLots(List<PointLot> lots) {
        // Binary COPY, as for the entries of a batch.
        BinaryCopyRows rows = new BinaryCopyRows(12, lots.size() * 168);
        for (PointLot l : lots) {
            rows.row().uuid(l.id()).uuid(l.customerId()).uuid(l.entryId()).int8(l.points()).int8(l.remaining())
                    .timestamptz(l.availableAt()).timestamptz(l.expiresAt()).text(l.orderId()).numeric(l.orderTotal())
                    .numeric(l.returnedAmount()).int8(l.reversedPoints()).int8(l.expiredPoints());
        }
        jdbc.copy("copy point_lot (" + LOT_COLUMNS + ") from stdin with (format binary)", rows);
    }

    @Override
    public void updateLots(Collection<PointLot> lots) {
        jdbc.batch("update point_lot set remaining = ?, returned_amount = ?, reversed_points = ?, expired_points = ? "
                        + "where id = ?", lots.stream().map(l -> new Object[] {l.remaining(), l.returnedAmount(),
                        l.reversedPoints(), l.expiredPoints(), l.id()}).toList());
    }

    @Override
    public void moveLots(UUID from, UUID to) {
        jdbc.update("update point_lot set customer_id = ? where customer_id = ?", to, from);
    }

    @Override
    public LedgerTotals totals(Collection<UUID> customerIds, Instant windowStart) {
        return jdbc.one("select "
                        + "coalesce(-sum(points) filter (where type = 'redeem'), 0) as spent, "
                        + "coalesce(-sum(points) filter (where type = 'expire'), 0) as expired, "
                        + "coalesce(sum(points) filter (where type in ('earn', 'reverse', 'referral-bonus', "
                        + "'birthday-bonus')), 0) as earned, "
                        + "coalesce(sum(points) filter (where type in ('earn', 'reverse', 'referral-bonus', "
                        + "'birthday-bonus') and occurred_at >= ?), 0) as qualifying "
                        + "from ledger_entry where customer_id = any(?)",
                rs -> new LedgerTotals(rs.getLong("spent"), rs.getLong("expired"), rs.getLong("earned"),
                        Math.max(0, rs.getLong("qualifying"))),
                windowStart, customerIds.toArray(UUID[]::new)).orElseThrow();
    }

    static LedgerEntry entry(ResultSet rs) throws SQLException {
        return new LedgerEntry(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "customer_id"), EntryType.ofWireName(rs.getString("type")),
                rs.getLong("points"), rs.getLong("running_balance"), rs.getString("reason"), rs.getString("source_type"),
                rs.getString("source_id"), rs.getString("agent"), Jdbc.instant(rs, "occurred_at"),
                Jdbc.instant(rs, "recorded_at"));
    }

    static PointLot lot(ResultSet rs) throws SQLException {
        return new PointLot(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "customer_id"), Jdbc.uuid(rs, "entry_id"),
                rs.getLong("points"), rs.getLong("remaining"), Jdbc.instant(rs, "available_at"),
                Jdbc.instant(rs, "expires_at"), rs.getString("order_id"), rs.getBigDecimal("order_total"),
                rs.getBigDecimal("returned_amount"), rs.getLong("reversed_points"), rs.getLong("expired_points"));
    }
}
